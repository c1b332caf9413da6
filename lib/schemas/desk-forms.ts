import { z } from "zod";
import type { RoutingDecision } from "@/lib/domain/routing";
import { IMPACTS, TICKET_STATUSES, TICKET_TYPES, URGENCIES, VISIBILITIES, type Priority } from "@/lib/domain/vocabulary";
import type { FormState } from "./form-state";
import { savedViewInput } from "./saved-views";
import { addCommentSchema, escalationSchema, handBackSchema, patchTicketSchema } from "./tickets";
import { asList, blankToUndefined, ticketReference } from "./primitives";

/** The technicians' workspace forms, with French messages; each carries the ticket's reference (or a selection of them). */

/** A repeated form field (checkboxes, picked equipment) arrives as one string when only one was sent. */

const reference = ticketReference;
const otherReference = z
  .string({ error: "desk.errors.referenceRequired" })
  .trim()
  .toUpperCase()
  .regex(/^GU-\d{4}-\d{6}$/, "desk.errors.referenceFormat");
const optionalMessage = z.preprocess(blankToUndefined, z.string().trim().max(10_000, "forms.errors.messageTooLong").optional());
const status = z.enum(TICKET_STATUSES, { error: "forms.errors.chooseStatus" });

export const deskReplyForm = z.object({
  reference,
  body: addCommentSchema.shape.body,
  visibility: z.enum(VISIBILITIES, { error: "desk.errors.chooseVisibility" }),
});

export const takeTicketForm = z.object({ reference });

export const assignForm = z.object({ reference, assignee: z.uuid({ error: "desk.errors.chooseMember" }) });

export const moveTeamForm = z.object({
  reference,
  team: z.string({ error: "desk.errors.chooseTeam" }).trim().min(1, "desk.errors.chooseTeam"),
});

export const statusForm = z.object({ reference, status, message: optionalMessage });

export const requalifyForm = z.object({
  reference,
  type: z.enum(TICKET_TYPES, { error: "desk.errors.chooseType" }),
  serviceCode: z.string({ error: "desk.errors.chooseService" }).trim().min(1, "desk.errors.chooseService"),
  categoryCode: z.string({ error: "desk.errors.chooseCategory" }).trim().min(1, "desk.errors.chooseCategory"),
  impact: z.enum(IMPACTS, { error: "desk.errors.chooseImpact" }),
  urgency: z.enum(URGENCIES, { error: "desk.errors.chooseUrgency" }),
});

export const linkEquipmentForm = z.object({
  reference,
  ciIds: z.preprocess(
    asList,
    z
      .array(z.uuid({ error: "forms.errors.invalidItem" }))
      .min(1, "desk.errors.chooseOneItem")
      .max(20, "forms.errors.max20Items"),
  ),
});

export const escalateForm = z.object({
  reference,
  target: z.enum(["vendor", "expert", "academy"], { error: "desk.errors.chooseEscalation" }),
  teamCode: z.preprocess(blankToUndefined, escalationSchema.shape.teamCode),
  vendorReference: z.preprocess(blankToUndefined, z.string().trim().max(100, "forms.errors.referenceTooLong").optional()),
  reason: escalationSchema.shape.reason,
  /** To a vendor: the internal notes and files the technician ticks for it. */
  sharedEventIds: z.preprocess(
    asList,
    z.array(z.coerce.number({ error: "desk.errors.invalidNote" }).int().positive()).max(50, "forms.errors.max50Notes"),
  ),
  sharedAttachmentIds: z.preprocess(asList, z.array(z.uuid({ error: "desk.errors.invalidFile" })).max(50, "forms.errors.max50Files")),
});

/** The vendor's forms: its own reference, and the hand-back with its report. */
export const vendorReferenceForm = z.object({ reference, vendorReference: patchTicketSchema.shape.vendorReference.unwrap() });

export const handBackForm = z.object({ reference, report: handBackSchema.shape.report });

export const linkTicketForm = z.object({ reference, related: otherReference });

/** "Rattacher à l'incident majeur": the major-incident ticket behind an announced outage. */
export const groupUnderMajorForm = z.object({ reference, major: otherReference });

export const mergeForm = z.object({
  reference,
  master: otherReference,
  reason: z
    .string({ error: "forms.errors.reasonRequired" })
    .trim()
    .min(3, "forms.errors.reasonMin3")
    .max(5_000, "desk.errors.reasonTooLong"),
});

const selection = z.preprocess(asList, z.array(ticketReference).min(1, "desk.errors.tickOneTicket").max(100, "desk.errors.max100Tickets"));

/** The queue's bulk bar: take the checked tickets, or move them all to one status. */
export const bulkForm = z.discriminatedUnion(
  "operation",
  [
    z.object({ operation: z.literal("take"), references: selection }),
    z.object({ operation: z.literal("status"), references: selection, status, message: optionalMessage }),
    z.object({ operation: z.literal("group"), references: selection, major: otherReference }),
  ],
  { error: "forms.errors.unknownAction" },
);

/** "Save this view": a name and the workspace's address as it stands (a query string). */
export const saveViewForm = z.object({
  name: savedViewInput.shape.name,
  query: z
    .string()
    .max(2_000)
    .transform((search) => Object.fromEntries(new URLSearchParams(search))),
});

export const deleteViewForm = z.object({ id: z.uuid({ error: "desk.errors.unknownView" }) });

/** What the re-qualification form chose, and what routing would do with it (nothing applied yet). */
export type RequalificationPreview = {
  status: "preview";
  choice: Omit<z.infer<typeof requalifyForm>, "reference">;
  priority: Priority;
  rule: string | null;
  teamCode: string | null;
  trace: RoutingDecision["trace"];
};
export type RequalificationPreviewState = FormState | RequalificationPreview;
