import { z } from "zod";
import { DELEGATION_REVIEW_REASONS, FILTERING_DECISIONS, REGISTER_STATES } from "@/lib/domain/registers";
import type { DelegationEntry, FilteringEntry } from "@/lib/services/registers/read-registers";

const approval = {
  approvedAt: z.iso.datetime(),
  approvedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ticket: z.string().meta({ description: "Référence de la demande validée", example: "GU-2026-000123" }),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().meta({ description: "Date de fin : l'entrée est expirée à partir de ce jour" }),
  state: z.enum(REGISTER_STATES),
};

export const filteringEntrySchema = z.object({
  id: z.uuid(),
  url: z.string(),
  decision: z.enum(FILTERING_DECISIONS),
  ...approval,
  removalTicket: z.string().nullable().meta({ description: "Référence du ticket de retrait de la règle, une fois expirée" }),
});

export const delegationEntrySchema = z.object({
  id: z.uuid(),
  delegate: z.object({ id: z.uuid().nullable(), name: z.string() }),
  scope: z.string(),
  actions: z.string(),
  ...approval,
  reviewDueOn: z.iso.date(),
  needsReview: z.enum(DELEGATION_REVIEW_REASONS).nullable(),
});

export const filteringRegisterSchema = z.object({ uai: z.string(), items: z.array(filteringEntrySchema) });
export const delegationRegisterSchema = z.object({ uai: z.string(), items: z.array(delegationEntrySchema) });

/** `?inForce=true|false` (absent: every entry). */
export const registerQuerySchema = z.object({
  inForce: z.enum(["true", "false"], { error: "registers.errors.inForce" }).optional(),
});

const approvalJson = (entry: FilteringEntry | DelegationEntry) => ({
  approvedAt: entry.approvedAt.toISOString(),
  approvedBy: entry.approvedBy,
  ticket: entry.ticketReference,
  startsOn: entry.startsOn,
  endsOn: entry.endsOn,
  state: entry.state,
});

export const filteringEntryJson = (entry: FilteringEntry): z.infer<typeof filteringEntrySchema> => ({
  id: entry.id,
  url: entry.url,
  decision: entry.decision,
  ...approvalJson(entry),
  removalTicket: entry.removalTicketReference,
});

export const delegationEntryJson = (entry: DelegationEntry): z.infer<typeof delegationEntrySchema> => ({
  id: entry.id,
  delegate: entry.delegate,
  scope: entry.scope,
  actions: entry.actions,
  ...approvalJson(entry),
  reviewDueOn: entry.reviewDueOn,
  needsReview: entry.needsReview,
});
