import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  approvalDelegates,
  establishments,
  staffFunctions,
  ticketApprovals,
  ticketCis,
  ticketEvents,
  tickets,
  userEstablishments,
  users,
} from "@/db/schema";
import { HEAD_FUNCTION, SECRETARY_GENERAL_FUNCTION, type Approver, type ApprovalSchool } from "@/lib/domain/approvals";
import type { ApproverKind } from "@/lib/domain/vocabulary";

/** The school as the approval rules see it: its zone and its head's delegates. */
export async function approvalSchool(db: Executor, establishmentId: string): Promise<ApprovalSchool | null> {
  const [school] = await db
    .select({ establishmentId: establishments.id, zoneId: establishments.zoneId })
    .from(establishments)
    .where(eq(establishments.id, establishmentId));
  if (!school) return null;
  const delegates = await db
    .select({ userId: approvalDelegates.userId })
    .from(approvalDelegates)
    .where(eq(approvalDelegates.establishmentId, establishmentId));
  return { ...school, delegateIds: delegates.map((delegate) => delegate.userId) };
}

/** A person as the approval rules see them (their function and schools), with their function's label; null when disabled or unknown. */
export async function approverFacts(
  db: Executor,
  userId: string,
): Promise<(Approver & { name: string; functionLabel: string | null }) | null> {
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      functionCode: users.functionCode,
      zoneId: users.zoneId,
      functionLabel: staffFunctions.label,
    })
    .from(users)
    .leftJoin(staffFunctions, eq(staffFunctions.code, users.functionCode))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!person) return null;
  const schools = await db
    .select({ id: userEstablishments.establishmentId })
    .from(userEstablishments)
    .where(eq(userEstablishments.userId, userId));
  return { ...person, establishmentIds: schools.map((school) => school.id) };
}

export type ApproverContact = { id: string; name: string; email: string; role: string };

/** The active people who approve a level of this kind for the school: by function at the school, the head's delegates, the zone's sector lead. */
export function approversOf(
  db: Executor,
  kind: ApproverKind,
  school: { establishmentId: string; zoneId: string },
): Promise<ApproverContact[]> {
  const atSchool = (condition: SQL | undefined) =>
    and(
      inArray(
        users.id,
        db
          .select({ id: userEstablishments.userId })
          .from(userEstablishments)
          .where(eq(userEstablishments.establishmentId, school.establishmentId)),
      ),
      condition,
    );
  const who =
    kind === "school_head"
      ? atSchool(
          or(
            eq(users.functionCode, HEAD_FUNCTION),
            inArray(
              users.id,
              db
                .select({ id: approvalDelegates.userId })
                .from(approvalDelegates)
                .where(eq(approvalDelegates.establishmentId, school.establishmentId)),
            ),
          ),
        )
      : kind === "secretary_general"
        ? atSchool(eq(users.functionCode, SECRETARY_GENERAL_FUNCTION))
        : and(eq(users.role, "sector_lead"), eq(users.zoneId, school.zoneId));
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(who, isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}

/** The approval levels of several tickets, each in order, with who decided (ticket lists, the API's pages). */
export async function approvalLevelsOfTickets(db: Executor, ticketIds: string[]): Promise<Map<string, ApprovalLevelRow[]>> {
  const byTicket = new Map<string, ApprovalLevelRow[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db
    .select({
      ticketId: ticketApprovals.ticketId,
      level: ticketApprovals.level,
      approverKind: ticketApprovals.approverKind,
      state: ticketApprovals.state,
      openedAt: ticketApprovals.openedAt,
      remindedAt: ticketApprovals.remindedAt,
      decidedAt: ticketApprovals.decidedAt,
      decidedById: ticketApprovals.decidedById,
      decidedByName: users.name,
      decidedFunction: ticketApprovals.decidedFunction,
      reason: ticketApprovals.reason,
    })
    .from(ticketApprovals)
    .leftJoin(users, eq(users.id, ticketApprovals.decidedById))
    .where(inArray(ticketApprovals.ticketId, ticketIds))
    .orderBy(asc(ticketApprovals.level));
  for (const { ticketId, ...row } of rows) byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), row]);
  return byTicket;
}

export type ApprovalLevelRow = {
  level: number;
  approverKind: ApproverKind;
  state: "waiting" | "pending" | "approved" | "refused" | "expired";
  openedAt: Date | null;
  remindedAt: Date | null;
  decidedAt: Date | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedFunction: string | null;
  reason: string | null;
};

/** What routing needs of a ticket filed earlier: its type, category, school, priority, equipment, and its "created" entry. */
export async function ticketRoutingInput(tx: Executor, ticketId: string) {
  const [ticket] = await tx
    .select({
      type: tickets.type,
      categoryId: tickets.categoryId,
      establishmentId: tickets.establishmentId,
      priority: tickets.priority,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const [created] = await tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, "created")))
    .orderBy(asc(ticketEvents.id))
    .limit(1);
  const cis = await tx.select({ ciId: ticketCis.ciId }).from(ticketCis).where(eq(ticketCis.ticketId, ticketId));
  return { ...ticket, createdEventId: created!.id, ciIds: cis.map((ci) => ci.ciId) };
}

/** What an approval e-mail names: the ticket, its school and zone, its requester. */
export async function ticketForApproval(db: Executor, ticketId: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      title: tickets.title,
      status: tickets.status,
      establishmentId: tickets.establishmentId,
      zoneId: establishments.zoneId,
      school: establishments.name,
      requesterId: tickets.requesterId,
      requesterName: users.name,
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(users, eq(users.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/**
 * The worker's candidates, oldest first: pending levels not reminded yet opened before `remindBefore`, and any
 * opened before `expireBefore` (calendar bounds below the working days; the rule decides: lib/domain/approvals.ts).
 */
export function pendingLevelsToCheck(db: Executor, bounds: { remindBefore: Date; expireBefore: Date }, limit: number) {
  return db
    .select({ ticketId: ticketApprovals.ticketId, level: ticketApprovals.level })
    .from(ticketApprovals)
    .innerJoin(tickets, eq(tickets.id, ticketApprovals.ticketId))
    .where(
      and(
        eq(ticketApprovals.state, "pending"),
        // A request its requester withdrew keeps its pending level: nobody is owed anything for it.
        eq(tickets.status, "awaiting_approval"),
        or(
          and(isNull(ticketApprovals.remindedAt), lte(ticketApprovals.openedAt, bounds.remindBefore)),
          lte(ticketApprovals.openedAt, bounds.expireBefore),
        ),
      ),
    )
    .orderBy(asc(ticketApprovals.openedAt))
    .limit(limit);
}

/** One level of a ticket's approval, or null. */
export async function approvalLevel(db: Executor, ticketId: string, level: number) {
  const [row] = await db
    .select()
    .from(ticketApprovals)
    .where(and(eq(ticketApprovals.ticketId, ticketId), eq(ticketApprovals.level, level)));
  return row ?? null;
}

/**
 * Tickets waiting for the decision of someone approving `kinds` (the home's "À valider"): the pending level is of a
 * kind they hold at the ticket's school (head or delegate, secrétaire général) or zone (sector lead). Oldest first.
 */
export function ticketsAwaitingDecision(
  db: Executor,
  who: { headSchoolIds: string[]; secretarySchoolIds: string[]; sectorZoneId: string | null },
  limit: number,
) {
  const matches = [
    who.headSchoolIds.length
      ? and(eq(ticketApprovals.approverKind, "school_head"), inArray(tickets.establishmentId, who.headSchoolIds))
      : undefined,
    who.secretarySchoolIds.length
      ? and(eq(ticketApprovals.approverKind, "secretary_general"), inArray(tickets.establishmentId, who.secretarySchoolIds))
      : undefined,
    who.sectorZoneId ? and(eq(ticketApprovals.approverKind, "sector_lead"), eq(establishments.zoneId, who.sectorZoneId)) : undefined,
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select({
      reference: tickets.reference,
      title: tickets.title,
      school: establishments.name,
      requesterName: users.name,
      openedAt: ticketApprovals.openedAt,
      approverKind: ticketApprovals.approverKind,
    })
    .from(ticketApprovals)
    .innerJoin(tickets, eq(tickets.id, ticketApprovals.ticketId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(users, eq(users.id, tickets.requesterId))
    .where(and(eq(ticketApprovals.state, "pending"), eq(tickets.status, "awaiting_approval"), or(...matches)))
    .orderBy(asc(ticketApprovals.openedAt), desc(tickets.reference))
    .limit(limit);
}

/** The schools whose head named this person their delegate. */
export async function delegatedSchoolsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: approvalDelegates.establishmentId })
    .from(approvalDelegates)
    .where(eq(approvalDelegates.userId, userId));
  return rows.map((row) => row.id);
}

/** A school's approval delegates, by name. */
export function approvalDelegatesOf(db: Executor, establishmentId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(approvalDelegates)
    .innerJoin(users, eq(users.id, approvalDelegates.userId))
    .where(eq(approvalDelegates.establishmentId, establishmentId))
    .orderBy(asc(users.name));
}
