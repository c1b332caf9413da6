import { storedText } from "@/i18n/text";
import { eq, sql } from "drizzle-orm";
import { ticketCis, ticketEvents, tickets } from "@/db/schema";
import { findCategory } from "@/db/queries/catalogue";
import { membershipsOf, teamByCode } from "@/db/queries/teams";
import { ticketCiIds, ticketHolders, ticketQualification } from "@/db/queries/ticket-work";
import { activePerson } from "@/db/queries/users";
import { priorityOf } from "@/lib/domain/priority";
import type { Impact, TicketStatus, TicketType, Urgency } from "@/lib/domain/vocabulary";
import type { TicketNotificationKind } from "../mail/notifications";
import { applyRouting, decideRouting, routingFacts } from "../routing/route-ticket";
import { transitionTicket } from "../tickets/ticket-transition";
import { shareWithVendor } from "./vendor-access";
import { resolveMajorIncident } from "./major-incident";
import { refuse } from "../refusal";
import { type DeskContext, type LockedTicket } from "./workable-ticket";
import { schoolEquipment } from "../cmdb/school-equipment";

const MAILED_STATUSES: Partial<Record<TicketStatus, TicketNotificationKind>> = {
  waiting_requester: "waiting_requester",
  resolved: "resolved",
  closed: "closed",
};

/** A status change by the desk; the lifecycle table decides, and the school hears of the steps that concern it. */
export async function setStatus(context: DeskContext, ticket: LockedTicket, to: TicketStatus, message?: string): Promise<void> {
  if (ticket.status === to) return;
  const eventId = await transitionTicket(context.tx, ticket, to, context.caller.id, context.now, message);
  if (eventId === null)
    refuse({
      kind: "conflict",
      message: "desk.errors.transitionImpossible",
      values: { from: `tickets.staffStatus.${ticket.status}`, to: `tickets.staffStatus.${to}` },
    });
  ticket.status = to;
  const kind = MAILED_STATUSES[to];
  if (kind) context.notify({ kind, ticketId: ticket.id, eventId });
  if (to === "resolved") await resolveMajorIncident(context, ticket, message);
}

async function journalAssignment(context: DeskContext, ticket: LockedTicket, data: Record<string, unknown>): Promise<number> {
  const [event] = await context.tx
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      kind: "assignment_changed",
      visibility: "public",
      authorId: context.caller.id,
      data,
      createdAt: context.now,
    })
    .returning({ id: ticketEvents.id });
  return event!.id;
}

/**
 * Gives the ticket to a team's queue, nobody holding it yet. Not a vendor's own queue: a vendor gets a
 * ticket by escalation, which opens its narrow access (lib/domain/vendor-access.ts) and its wait.
 */
export async function setTeam(context: DeskContext, ticket: LockedTicket, teamCode: string): Promise<void> {
  const team = await teamByCode(context.tx, teamCode);
  if (!team)
    refuse({
      kind: "unprocessable",
      message: "desk.errors.noSuchTeam",
      values: { code: teamCode },
      errors: [{ field: "team", message: "forms.errors.unknownTeam" }],
    });
  if (team.vendorId) {
    refuse({
      kind: "unprocessable",
      message: "desk.errors.vendorQueue",
      values: { code: team.code },
      errors: [{ field: "team", message: "desk.errors.escalateToVendor" }],
    });
  }
  // A school's own queue takes only that school's tickets.
  if (team.establishmentId && team.establishmentId !== ticket.establishmentId) {
    refuse({
      kind: "unprocessable",
      message: "desk.errors.otherSchoolQueue",
      values: { code: team.code },
      errors: [{ field: "team", message: "desk.errors.otherSchoolQueueField" }],
    });
  }
  await context.tx
    .update(tickets)
    .set({ assignedTeamId: team.id, assigneeId: null, updatedAt: context.now })
    .where(eq(tickets.id, ticket.id));
  const eventId = await journalAssignment(context, ticket, { team: { code: team.code, name: team.name } });
  // The new team's members hear of the ticket landing in their queue (staff notifications, lib/domain/staff-notifications.ts).
  context.notify({ kind: "reassigned", ticketId: ticket.id, eventId });
}

/**
 * Names who works the ticket: a member of the holding team, or the caller taking it (the ticket then
 * moves to the caller's team for the school's zone if they are not in the holding team). Null unassigns.
 */
export async function setAssignee(context: DeskContext, ticket: LockedTicket, assigneeId: string | null): Promise<void> {
  const { tx, caller, now } = context;
  if (assigneeId === null) {
    await tx.update(tickets).set({ assigneeId: null, updatedAt: now }).where(eq(tickets.id, ticket.id));
    await journalAssignment(context, ticket, { assignee: null });
    return;
  }
  const person = await activePerson(tx, assigneeId);
  if (!person || person.role === "requester" || person.role === "manager") {
    refuse({
      kind: "unprocessable",
      message: "desk.errors.cannotHandle",
      errors: [{ field: "assignee", message: "desk.errors.unknownTechnician" }],
    });
  }
  let teamId = (await ticketHolders(tx, ticket.id))?.teamId ?? null;
  const memberships = await membershipsOf(tx, person.id);
  if (!memberships.some((membership) => membership.teamId === teamId)) {
    if (person.id !== caller.id || memberships.length === 0) {
      refuse({
        kind: "unprocessable",
        message: "desk.errors.notInTeam",
        errors: [{ field: "assignee", message: "desk.errors.outOfTeam" }],
      });
    }
    teamId = (memberships.find((membership) => membership.zoneId === ticket.zoneId) ?? memberships[0]!).teamId;
  }
  await tx.update(tickets).set({ assigneeId: person.id, assignedTeamId: teamId, updatedAt: now }).where(eq(tickets.id, ticket.id));
  const eventId = await journalAssignment(context, ticket, { assignee: { id: person.id, name: person.name } });
  context.notify({ kind: "assigned", ticketId: ticket.id, eventId });
  if (ticket.status === "new") await setStatus(context, ticket, "assigned");
}

/** The caller takes the ticket: it is theirs and in progress. */
export async function takeTicket(context: DeskContext, ticket: LockedTicket): Promise<void> {
  await setAssignee(context, ticket, context.caller.id);
  if (ticket.status === "assigned") await setStatus(context, ticket, "in_progress");
}

export type Requalification = { type?: TicketType; serviceCode?: string; categoryCode?: string; impact?: Impact; urgency?: Urgency };

/** The ticket's facts after a re-qualification, checked, with the routing decision they lead to. */
export async function requalifiedFacts(context: Pick<DeskContext, "tx">, ticketId: string, changes: Requalification) {
  const { tx } = context;
  const current = await ticketQualification(tx, ticketId);
  const next = {
    ...current!,
    ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
  } as typeof current & Requalification;
  const found = await findCategory(tx, next.serviceCode!, next.categoryCode!);
  const category = found && { id: found.category.id, type: found.category.type, serviceId: found.serviceId };
  if (!category)
    refuse({
      kind: "unprocessable",
      message: "tickets.errors.noSuchCategory",
      values: { service: next.serviceCode, category: next.categoryCode },
      errors: [{ field: "categoryCode", message: "tickets.errors.unknownCategory" }],
    });
  if (category.type !== next.type)
    refuse({
      kind: "unprocessable",
      message: "tickets.errors.categoryType",
      values: { category: next.categoryCode, type: category.type },
      errors: [{ field: "type", message: "desk.errors.typeMismatch" }],
    });

  const priority = priorityOf(next.impact!, next.urgency!);
  const facts = await routingFacts(tx, {
    type: next.type!,
    categoryId: category.id,
    establishmentId: current!.establishmentId,
    ciIds: await ticketCiIds(tx, ticketId),
    priority,
  });
  return { before: current!, after: next, category, priority, decision: await decideRouting(tx, facts) };
}

/** Applies a re-qualification: new facts, journalled before → after, then routing runs again. */
export async function requalify(context: DeskContext, ticket: LockedTicket, changes: Requalification): Promise<void> {
  const { before, after, category, priority, decision } = await requalifiedFacts(context, ticket.id, changes);
  await context.tx
    .update(tickets)
    .set({
      type: after.type,
      impact: after.impact,
      urgency: after.urgency,
      priority,
      categoryId: category.id,
      serviceId: category.serviceId,
      updatedAt: context.now,
    })
    .where(eq(tickets.id, ticket.id));
  await context.tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    kind: "requalified",
    visibility: "public",
    authorId: context.caller.id,
    createdAt: context.now,
    data: {
      before,
      after: {
        type: after.type,
        serviceCode: after.serviceCode,
        categoryCode: after.categoryCode,
        impact: after.impact,
        urgency: after.urgency,
      },
      rule: decision.rule?.name ?? null,
    },
  });
  await applyRouting(context.tx, ticket.id, decision, context.caller.id, context.now);
}

/** Links equipment of the ticket's own school. */
export async function linkCis(context: DeskContext, ticket: LockedTicket, ciIds: string[]): Promise<void> {
  const equipment = await schoolEquipment(context.tx, ticket.establishmentId, ciIds);
  if (!equipment.ok) refuse(equipment.failure);
  const owned = equipment.value;
  if (owned.length === 0) return;
  await context.tx
    .insert(ticketCis)
    .values(owned.map((ci) => ({ ticketId: ticket.id, ciId: ci.id })))
    .onConflictDoNothing();
  // Once inventoried equipment is named, the ticket is no longer "hors inventaire".
  await context.tx
    .update(tickets)
    .set({ flags: sql`array_remove(${tickets.flags}, 'hors_inventaire')`, updatedAt: context.now })
    .where(eq(tickets.id, ticket.id));
  await context.tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    kind: "linked",
    visibility: "internal",
    authorId: context.caller.id,
    createdAt: context.now,
    data: { cis: owned.map((ci) => ci.name) },
  });
}

/** An internal journal entry; a vendor's own reads it back (its replies, reference and report). */
export async function journalNote(
  context: DeskContext,
  ticket: LockedTicket,
  body: string,
  data: Record<string, unknown>,
): Promise<number> {
  const [event] = await context.tx
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      kind: "comment",
      visibility: "internal",
      authorId: context.caller.id,
      body,
      data,
      createdAt: context.now,
    })
    .returning({ id: ticketEvents.id });
  if (context.caller.role === "vendor_agent") {
    await shareWithVendor(context.tx, { ticketId: ticket.id, teamIds: context.caller.teamIds, eventId: event!.id, attachmentIds: [] });
  }
  return event!.id;
}

/** The vendor's own reference for a ticket escalated to it (set by the vendor, or by the desk on its behalf); empty clears it. */
export async function setVendorReference(context: DeskContext, ticket: LockedTicket, reference: string): Promise<void> {
  const holders = await ticketHolders(context.tx, ticket.id);
  if (!holders?.vendorId)
    refuse({
      kind: "unprocessable",
      message: "desk.errors.notEscalated",
      errors: [{ field: "vendorReference", message: "desk.errors.noVendor" }],
    });
  const value = reference.trim() || null;
  await context.tx.update(tickets).set({ vendorReference: value, updatedAt: context.now }).where(eq(tickets.id, ticket.id));
  await journalNote(
    context,
    ticket,
    value ? storedText("desk.history.vendorReference", { reference: value }) : storedText("desk.history.vendorReferenceCleared"),
    { vendorReference: value },
  );
}
