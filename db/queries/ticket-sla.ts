import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  calendarClosures,
  categories,
  configurationItems,
  establishments,
  slaPolicies,
  teams,
  ticketCis,
  ticketEvents,
  tickets,
  users,
  vendors,
  vendorWaits,
} from "@/db/schema";
import type { Role } from "@/lib/domain/vocabulary";

/** A ticket's columns its SLA depends on, with its category, school, policy and vendor facts. */
export async function ticketSlaRow(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id,
      establishmentId: tickets.establishmentId,
      createdAt: tickets.createdAt,
      status: tickets.status,
      priority: tickets.priority,
      type: tickets.type,
      assignedTeamId: tickets.assignedTeamId,
      assigneeId: tickets.assigneeId,
      requesterId: tickets.requesterId,
      vendorId: tickets.vendorId,
      takenAt: tickets.takenAt,
      firstPublicReplyAt: tickets.firstPublicReplyAt,
      ownBy: tickets.ownBy,
      resolveBy: tickets.resolveBy,
      slaVersion: tickets.slaVersion,
      slaAlarms: tickets.slaAlarms,
      escalationLevel: tickets.escalationLevel,
      hardware: categories.hardware,
      supportMode: establishments.supportMode,
      targets: slaPolicies.targets,
      policyCode: slaPolicies.code,
      vendorCommitment: vendors.repairCommitment,
      vendorName: vendors.name,
    })
    .from(tickets)
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .leftJoin(slaPolicies, eq(slaPolicies.id, tickets.slaPolicyId))
    .leftJoin(vendors, eq(vendors.id, tickets.vendorId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** When someone other than the requester first answered publicly in the journal, or null. */
export async function firstPublicReplyAt(tx: Executor, ticketId: string, requesterId: string): Promise<Date | null> {
  const [reply] = await tx
    .select({ at: ticketEvents.createdAt })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        eq(ticketEvents.kind, "comment"),
        eq(ticketEvents.visibility, "public"),
        isNotNull(ticketEvents.authorId),
        ne(ticketEvents.authorId, requesterId),
      ),
    )
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id))
    .limit(1);
  return reply?.at ?? null;
}

/** The ticket's status changes and its merge into a master (data {from, to}), in order. */
export function statusEvents(tx: Executor, ticketId: string) {
  return tx
    .select({ at: ticketEvents.createdAt, kind: ticketEvents.kind, data: ticketEvents.data })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        or(eq(ticketEvents.kind, "status_changed"), and(eq(ticketEvents.kind, "merged"), sql`${ticketEvents.data} ? 'to'`)),
      ),
    )
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
}

/** The rooms the ticket's equipment stands in (null: no room recorded). */
export async function ticketCiRooms(tx: Executor, ticketId: string): Promise<(string | null)[]> {
  const items = await tx
    .select({ room: configurationItems.room })
    .from(ticketCis)
    .innerJoin(configurationItems, eq(configurationItems.id, ticketCis.ciId))
    .where(eq(ticketCis.ticketId, ticketId));
  return items.map((item) => item.room);
}

/** The rooms of the equipment named (a ticket being filed: its links are not written yet). */
export async function ciRoomsAmong(tx: Executor, ciIds: string[]): Promise<(string | null)[]> {
  if (!ciIds.length) return [];
  const items = await tx.select({ room: configurationItems.room }).from(configurationItems).where(inArray(configurationItems.id, ciIds));
  return items.map((item) => item.room);
}

/** The keys of the alarms already recorded in the ticket's journal. */
export async function recordedAlarmKeys(tx: Executor, ticketId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ key: ticketEvents.idempotencyKey })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), isNotNull(ticketEvents.idempotencyKey)));
  return new Set(rows.map((row) => row.key!));
}

/** What an alarm of the ticket needs besides its deadlines: its school's zone and vendor's name. */
export async function alarmTicket(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id,
      zoneId: establishments.zoneId,
      vendorName: vendors.name,
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .leftJoin(vendors, eq(vendors.id, tickets.vendorId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** The active holders of a role for a zone: that zone's, or the Région-wide ones (no zone), by name. */
export function activeHoldersOf(tx: Executor, role: Role, zoneId: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, role), isNull(users.disabledAt), or(isNull(users.zoneId), eq(users.zoneId, zoneId))))
    .orderBy(users.name);
}

/** The tickets with SLA alarms to plan: all of them, or those whose next check falls before `horizon`. */
export function ticketsWithAlarms(db: Executor, horizon: Date | null) {
  return db
    .select({ id: tickets.id, version: tickets.slaVersion, alarms: tickets.slaAlarms })
    .from(tickets)
    .where(horizon ? and(isNotNull(tickets.slaNextCheckAt), lte(tickets.slaNextCheckAt, horizon)) : isNotNull(tickets.slaNextCheckAt));
}

/** A team's own weekly hours and escalation ladder (null where it keeps the defaults), or null. */
export async function teamSlaRow(tx: Executor, teamId: string) {
  const [team] = await tx
    .select({ weeklyHours: teams.weeklyHours, escalationLevels: teams.escalationLevels })
    .from(teams)
    .where(eq(teams.id, teamId));
  return team ?? null;
}

/** The closures ending on or after `since`: every team's, plus the team's own when one is named. */
export function closuresSince(tx: Executor, since: string, teamId: string | null) {
  return tx
    .select({ from: calendarClosures.fromDate, to: calendarClosures.toDate, label: calendarClosures.label })
    .from(calendarClosures)
    .where(
      and(
        gte(calendarClosures.toDate, since),
        teamId ? or(isNull(calendarClosures.teamId), eq(calendarClosures.teamId, teamId)) : isNull(calendarClosures.teamId),
      ),
    )
    .orderBy(calendarClosures.fromDate);
}

/** The waits for a vendor under way (not ended yet). */
export function currentVendorWaits(tx: Executor, vendorId: string) {
  return tx
    .select({ ticketId: vendorWaits.ticketId, since: vendorWaits.since })
    .from(vendorWaits)
    .where(and(eq(vendorWaits.vendorId, vendorId), isNull(vendorWaits.endedAt)));
}
