import { storedText } from "@/i18n/text";
import { eq } from "drizzle-orm";
import { ticketEvents, tickets } from "@/db/schema";
import { lifecyclePath } from "@/lib/domain/desk-actions";
import { refuse } from "../refusal";
import { endVendorAccess, grantVendorAccess } from "./vendor-access";
import { setStatus } from "./ticket-operations";
import { type DeskContext, type LockedTicket } from "./workable-ticket";
import { vendorById } from "@/db/queries/vendors";
import { teamByCode } from "@/db/queries/teams";
import { internalNotesAmong, ticketAttachmentsAmong } from "@/db/queries/ticket-work";
import { sectorLeadOf } from "@/db/queries/users";

export type Escalation = {
  target: "vendor" | "expert" | "academy";
  teamCode?: string;
  vendorReference?: string;
  reason: string;
  /** To a vendor: the internal notes and the files of the ticket it may read besides the public journal. */
  sharedEventIds?: number[];
  sharedAttachmentIds?: string[];
};

/** What the technician shares with the vendor must be this ticket's internal notes and files. */
async function checkShared(
  context: DeskContext,
  ticket: LockedTicket,
  escalation: Escalation,
): Promise<{ eventIds: number[]; attachmentIds: string[] }> {
  const eventIds = [...new Set(escalation.sharedEventIds ?? [])];
  const attachmentIds = [...new Set(escalation.sharedAttachmentIds ?? [])];
  const notes = eventIds.length ? await internalNotesAmong(context.tx, ticket.id, eventIds) : [];
  if (notes.length !== eventIds.length)
    refuse({
      kind: "unprocessable",
      message: "desk.errors.sharedNoteNotInternal",
      errors: [{ field: "sharedEventIds", message: "desk.errors.unknownNote" }],
    });
  const files = attachmentIds.length ? await ticketAttachmentsAmong(context.tx, ticket.id, attachmentIds) : [];
  if (files.length !== attachmentIds.length)
    refuse({
      kind: "unprocessable",
      message: "desk.errors.sharedFileNotAttachment",
      errors: [{ field: "sharedAttachmentIds", message: "desk.errors.unknownFile" }],
    });
  return { eventIds, attachmentIds };
}

async function knownTeam(context: DeskContext, code: string) {
  const team = await teamByCode(context.tx, code);
  if (!team)
    refuse({
      kind: "unprocessable",
      message: "desk.errors.noSuchTeam",
      values: { code },
      errors: [{ field: "teamCode", message: "forms.errors.unknownTeam" }],
    });
  return team!;
}

async function journal(context: DeskContext, ticket: LockedTicket, escalation: Escalation, data: Record<string, unknown>): Promise<number> {
  const [event] = await context.tx
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      kind: "escalated",
      visibility: "internal",
      authorId: context.caller.id,
      body: escalation.reason,
      createdAt: context.now,
      data: { target: escalation.target, ...data },
    })
    .returning({ id: ticketEvents.id });
  return event!.id;
}

/**
 * Escalates with a reason, journalled and mailed to whoever takes over:
 * - vendor: the vendor's queue gets access to the ticket (the public journal, the escalation and
 *   the notes and files shared with it; lib/domain/vendor-access.ts), its own reference is kept, and
 *   the ticket waits for the vendor while the Région's team keeps it (it stays accountable to the school);
 *   a vendor that was waited for until now keeps read-only access;
 * - expert: another Région team, or without a team the sector lead of the school's zone;
 * - academy: an Académie team (the IT department unless named) when the ticket is theirs.
 */
export async function escalate(context: DeskContext, ticket: LockedTicket, escalation: Escalation): Promise<void> {
  const { tx, now } = context;
  if (escalation.target === "vendor") {
    // Through "in progress" when the lifecycle asks for it (a ticket waiting for its requester): the journal shows both steps.
    const path = lifecyclePath(ticket.status, "waiting_vendor");
    if (!path)
      refuse({ kind: "conflict", message: "desk.errors.cannotEscalateStatus", values: { status: `tickets.staffStatus.${ticket.status}` } });
    if (!escalation.teamCode)
      refuse({
        kind: "invalid",
        message: "desk.errors.chooseVendor",
        errors: [{ field: "teamCode", message: "desk.errors.vendorRequired" }],
      });
    const team = await knownTeam(context, escalation.teamCode);
    if (team.party !== "vendor" || !team.vendorId)
      refuse({
        kind: "unprocessable",
        message: "desk.errors.notAVendor",
        values: { code: team.code },
        errors: [{ field: "teamCode", message: "desk.errors.vendorTeamExpected" }],
      });
    const shared = await checkShared(context, ticket, escalation);
    const vendor = await vendorById(tx, team.vendorId);
    await tx
      .update(tickets)
      .set({ vendorId: team.vendorId, vendorReference: escalation.vendorReference?.trim() || null, updatedAt: now })
      .where(eq(tickets.id, ticket.id));
    const eventId = await journal(context, ticket, escalation, {
      targetLabel: `prestataire ${vendor!.name}`,
      vendor: vendor!.name,
      vendorReference: escalation.vendorReference ?? null,
      notifyTeamId: team.id,
      sharedEventIds: shared.eventIds,
      sharedAttachmentIds: shared.attachmentIds,
    });
    await endVendorAccess(tx, ticket.id, now);
    await grantVendorAccess(tx, {
      ticketId: ticket.id,
      teamId: team.id,
      now,
      sharedEventIds: [...shared.eventIds, eventId],
      sharedAttachmentIds: shared.attachmentIds,
    });
    // The vendor's agents are told: they take over the repair.
    context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
    for (const step of path.slice(0, -1)) await setStatus(context, ticket, step, storedText("desk.history.reclaimedForVendor"));
    await setStatus(
      context,
      ticket,
      "waiting_vendor",
      escalation.vendorReference
        ? storedText("desk.history.sentToVendorWithReference", { vendor: vendor!.name, reference: escalation.vendorReference })
        : storedText("desk.history.sentToVendor", { vendor: vendor!.name }),
    );
    return;
  }

  if (escalation.target === "expert" && !escalation.teamCode) {
    const lead = await sectorLeadOf(tx, ticket.zoneId);
    if (!lead)
      refuse({
        kind: "unprocessable",
        message: "desk.errors.noSectorHead",
        errors: [{ field: "teamCode", message: "desk.errors.nameExpertTeam" }],
      });
    await tx.update(tickets).set({ assigneeId: lead.id, updatedAt: now }).where(eq(tickets.id, ticket.id));
    const eventId = await journal(context, ticket, escalation, {
      targetLabel: storedText("desk.history.sectorHead", { name: lead.name }),
      assignee: { id: lead.id, name: lead.name },
    });
    context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
    return;
  }

  const team = await knownTeam(context, escalation.teamCode ?? "EQ-E-EOLE");
  const expected = escalation.target === "academy" ? "academy" : "region";
  if (team.party !== expected) {
    refuse({
      kind: "unprocessable",
      message: "desk.errors.notPartyTeam",
      values: { code: team.code, party: expected },
      errors: [{ field: "teamCode", message: "desk.errors.otherActorTeam" }],
    });
  }
  await tx.update(tickets).set({ assignedTeamId: team.id, assigneeId: null, updatedAt: now }).where(eq(tickets.id, ticket.id));
  const eventId = await journal(context, ticket, escalation, { targetLabel: team.name, team: { code: team.code, name: team.name } });
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    kind: "assignment_changed",
    visibility: "public",
    authorId: context.caller.id,
    createdAt: now,
    data: { team: { code: team.code, name: team.name } },
  });
  context.notify({ kind: "escalated", ticketId: ticket.id, eventId });
  if (ticket.status === "waiting_vendor" || ticket.status === "in_progress") await setStatus(context, ticket, "assigned");
}
