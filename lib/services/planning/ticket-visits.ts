import { eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import {
  absencesBetween,
  personNames,
  personWithZones,
  ticketAssignedTeamId,
  ticketVisit,
  visitFactsForSchool,
} from "@/db/queries/planning";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketEvents, tickets, ticketVisits } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import { isClosedDate, parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { PLANNED_ROLES } from "@/lib/domain/planning-access";
import { can } from "@/lib/domain/permissions";
import { canSeeTicket } from "@/lib/domain/ticket-visibility";
import { addDays, isAbsent, isUpcoming, nextVisits } from "@/lib/domain/visit-planning";
import type { VisitSlot } from "@/lib/presentation/planning-views";
import type { PlanVisitInput } from "@/lib/schemas/planning";
import { recordAudit } from "../audit/record-audit";
import { deskAction, lockWorkable } from "../desk/workable-ticket";
import { refuse } from "../refusal";
import type { ServiceResult } from "../service-result";
import { teamSlaSettings } from "../sla/team-calendar";

/** How many next visits the desk proposes, and how far ahead it looks for them. */
export const PROPOSED_VISITS = 5;
const PROPOSAL_HORIZON_DAYS = 60;
/** A ticket done with needs no visit. */
const FINISHED: ReadonlySet<string> = new Set(["resolved", "closed", "cancelled"]);

export type { VisitSlot };

/** The next visits to a school (default weeks, exceptions, absences, closed days of the holding team's calendar). */
export async function nextSchoolVisits(
  db: Executor,
  establishmentId: string,
  teamId: string | null,
  now: Date,
  count: number,
): Promise<VisitSlot[]> {
  const today = parisDay(now);
  const [facts, settings] = await Promise.all([
    visitFactsForSchool(db, establishmentId, today, addDays(today, PROPOSAL_HORIZON_DAYS)),
    teamSlaSettings(db, teamId, now),
  ]);
  const visits = nextVisits({ establishmentId, now, count, ...facts, calendar: settings.calendar, horizonDays: PROPOSAL_HORIZON_DAYS });
  const names = await personNames(db, [...new Set(visits.map((visit) => visit.technicianId))]);
  return visits.map((visit) => ({
    onDate: visit.onDate,
    halfDay: visit.halfDay,
    technician: { id: visit.technicianId, name: names.get(visit.technicianId)! },
  }));
}

export type TicketVisitView = VisitSlot;

/** The visit a ticket is planned for, if any (the page showing it has checked the caller sees the ticket). */
export function plannedVisitOf(ticketId: string): Promise<TicketVisitView | null> {
  return ticketVisit(database(), ticketId);
}

/** What the desk's "plan a visit" form offers for a ticket: its planned visit and the next visits to its school. Null: not the caller's. */
export async function visitProposals(
  caller: Caller,
  reference: string,
  now: Date,
): Promise<{ planned: TicketVisitView | null; proposals: VisitSlot[] } | null> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !can(caller, "tickets.work") || !canSeeTicket(caller, facts, now)) return null;
  const [planned, proposals] = await Promise.all([
    plannedVisitOf(facts.id),
    nextSchoolVisits(db, facts.establishmentId, facts.assignedTeamId, now, PROPOSED_VISITS),
  ]);
  return { planned, proposals };
}

const slotError = (message: string, values?: Record<string, string>) =>
  refuse({
    kind: "unprocessable",
    message: "planning.errors.checkFields",
    errors: [{ field: "onDate", message, ...(values ? { values } : {}) }],
  });

/**
 * Plans (or reschedules) the on-site visit of a ticket: a proposed visit, or any open half-day still to come,
 * by the caller unless a proposal names another technician. The school reads it on its ticket and the
 * requester is mailed (one e-mail per version: the journal entry's id is in its idempotency key); audited.
 */
export function planVisit(caller: Caller, input: PlanVisitInput, now: Date, actor: AuditActor): Promise<ServiceResult<TicketVisitView>> {
  return deskAction(caller, now, async (context) => {
    const ticket = await lockWorkable(context, input.reference, ["assign"]);
    if (FINISHED.has(ticket.status)) refuse({ kind: "conflict", message: "planning.errors.ticketFinished" });
    const { calendar } = await teamSlaSettings(context.tx, await ticketAssignedTeamId(context.tx, ticket.id), now);
    if (!isUpcoming(input.onDate, input.halfDay, now)) slotError("planning.errors.slotPast");
    if (isClosedDate(calendar, input.onDate)) slotError("planning.errors.slotClosed");
    const technician = await personWithZones(context.tx, input.technicianId ?? caller.id);
    if (!technician || technician.disabled || !PLANNED_ROLES.includes(technician.role)) {
      refuse({
        kind: "unprocessable",
        message: "planning.errors.checkFields",
        errors: [{ field: "slot", message: "planning.errors.notTechnician" }],
      });
    }
    if (isAbsent(await absencesBetween(context.tx, [technician.id], input.onDate, input.onDate), technician.id, input.onDate)) {
      slotError("planning.errors.technicianAbsent", { name: technician.name });
    }
    const before = await ticketVisit(context.tx, ticket.id);
    const visit = { onDate: input.onDate, halfDay: input.halfDay, technician: { id: technician.id, name: technician.name } };
    if (before && before.onDate === input.onDate && before.halfDay === input.halfDay && before.technician.id === technician.id)
      return visit;
    await context.tx
      .insert(ticketVisits)
      .values({
        ticketId: ticket.id,
        technicianId: technician.id,
        onDate: input.onDate,
        halfDay: input.halfDay,
        plannedAt: now,
        plannedById: caller.id,
      })
      .onConflictDoUpdate({
        target: ticketVisits.ticketId,
        set: { technicianId: technician.id, onDate: input.onDate, halfDay: input.halfDay, plannedAt: now, plannedById: caller.id },
      });
    const [event] = await context.tx
      .insert(ticketEvents)
      .values({
        ticketId: ticket.id,
        kind: "visit_planned",
        visibility: "public",
        authorId: caller.id,
        createdAt: now,
        data: { onDate: input.onDate, halfDay: input.halfDay, technician: visit.technician, rescheduled: before !== null },
      })
      .returning({ id: ticketEvents.id });
    await context.tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));
    context.notify({ kind: "visit_planned", ticketId: ticket.id, eventId: event!.id });
    await recordAudit(context.tx, actor, {
      action: "ticket.visit_planned",
      objectType: "ticket",
      objectId: ticket.id,
      before: before ? { onDate: before.onDate, halfDay: before.halfDay, technicianId: before.technician.id } : null,
      after: { onDate: input.onDate, halfDay: input.halfDay, technicianId: technician.id },
    });
    return visit;
  });
}
