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

/** Tickets' columns their SLA depends on, with their category, school, policy and vendor facts (those that exist). */
export function slaRowsOf(tx: Executor, ticketIds: readonly string[]) {
  return tx
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
    .where(inArray(tickets.id, [...ticketIds]));
}

/** By ticket, when someone other than its requester first answered publicly in its journal (tickets never answered are absent). */
export async function firstPublicRepliesAt(tx: Executor, ticketIds: readonly string[]): Promise<Map<string, Date>> {
  if (ticketIds.length === 0) return new Map();
  const replies = await tx
    .selectDistinctOn([ticketEvents.ticketId], { ticketId: ticketEvents.ticketId, at: ticketEvents.createdAt })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(
      and(
        inArray(ticketEvents.ticketId, [...ticketIds]),
        eq(ticketEvents.kind, "comment"),
        eq(ticketEvents.visibility, "public"),
        isNotNull(ticketEvents.authorId),
        ne(ticketEvents.authorId, tickets.requesterId),
      ),
    )
    .orderBy(ticketEvents.ticketId, asc(ticketEvents.createdAt), asc(ticketEvents.id));
  return new Map(replies.map((reply) => [reply.ticketId, reply.at]));
}

/** A ticket's status change, or its merge into a master (data {from, to}). */
export type StatusEvent = { at: Date; kind: (typeof ticketEvents.$inferSelect)["kind"]; data: Record<string, unknown> };

/** By ticket, its status changes and its merge into a master, in order (tickets without any are absent). */
export async function statusEventsOf(tx: Executor, ticketIds: readonly string[]): Promise<Map<string, StatusEvent[]>> {
  const rows = await tx
    .select({ ticketId: ticketEvents.ticketId, at: ticketEvents.createdAt, kind: ticketEvents.kind, data: ticketEvents.data })
    .from(ticketEvents)
    .where(
      and(
        inArray(ticketEvents.ticketId, [...ticketIds]),
        or(eq(ticketEvents.kind, "status_changed"), and(eq(ticketEvents.kind, "merged"), sql`${ticketEvents.data} ? 'to'`)),
      ),
    )
    .orderBy(ticketEvents.ticketId, asc(ticketEvents.createdAt), asc(ticketEvents.id));
  const byTicket = new Map<string, StatusEvent[]>();
  for (const { ticketId, ...event } of rows) byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), event]);
  return byTicket;
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

/** By ticket, the keys of the alarms already recorded in its journal (every ticket asked for is present). */
export async function recordedAlarmKeysOf(tx: Executor, ticketIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await tx
    .select({ ticketId: ticketEvents.ticketId, key: ticketEvents.idempotencyKey })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, [...ticketIds]), isNotNull(ticketEvents.idempotencyKey)));
  const byTicket = new Map(ticketIds.map((id) => [id, new Set<string>()]));
  for (const row of rows) byTicket.get(row.ticketId)!.add(row.key!);
  return byTicket;
}

/** By ticket, what its alarms need besides its deadlines: its school's zone. */
export async function alarmZonesOf(tx: Executor, ticketIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: tickets.id, zoneId: establishments.zoneId })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .where(inArray(tickets.id, [...ticketIds]));
  return new Map(rows.map((row) => [row.id, row.zoneId]));
}

/**
 * Locks up to `limit` other tickets whose next SLA check has come at `now`, earliest first, skipping those another
 * transaction holds (it is handling them, or changing them and will store their SLA): the alarm worker checks them
 * in the same transaction as the ticket its job names.
 */
export async function lockDueTickets(tx: Executor, now: Date, except: string, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(isNotNull(tickets.slaNextCheckAt), lte(tickets.slaNextCheckAt, now), ne(tickets.id, except)))
    .orderBy(asc(tickets.slaNextCheckAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return rows.map((row) => row.id);
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
