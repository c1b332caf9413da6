import { and, asc, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, configurationItems, establishments, roomSupportModes, slaPolicies, ticketCis, ticketEvents, tickets, vendors } from "@/db/schema";

/** A ticket's columns its SLA depends on, with its category, school, policy and vendor facts. */
export async function ticketSlaRow(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id, establishmentId: tickets.establishmentId, createdAt: tickets.createdAt, status: tickets.status, priority: tickets.priority, type: tickets.type,
      assignedTeamId: tickets.assignedTeamId, assigneeId: tickets.assigneeId, requesterId: tickets.requesterId, vendorId: tickets.vendorId,
      takenAt: tickets.takenAt, firstPublicReplyAt: tickets.firstPublicReplyAt, ownBy: tickets.ownBy, resolveBy: tickets.resolveBy,
      slaVersion: tickets.slaVersion, slaAlarms: tickets.slaAlarms, escalationLevel: tickets.escalationLevel,
      hardware: categories.hardware, supportMode: establishments.supportMode, targets: slaPolicies.targets, policyCode: slaPolicies.code,
      vendorCommitment: vendors.repairCommitment, vendorName: vendors.name,
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
  const [reply] = await tx.select({ at: ticketEvents.createdAt }).from(ticketEvents)
    .where(and(
      eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, "comment"), eq(ticketEvents.visibility, "public"),
      isNotNull(ticketEvents.authorId), ne(ticketEvents.authorId, requesterId),
    ))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id)).limit(1);
  return reply?.at ?? null;
}

/** The ticket's status changes and its merge into a master (data {from, to}), in order. */
export function statusEvents(tx: Executor, ticketId: string) {
  return tx.select({ at: ticketEvents.createdAt, kind: ticketEvents.kind, data: ticketEvents.data }).from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), or(eq(ticketEvents.kind, "status_changed"), and(eq(ticketEvents.kind, "merged"), sql`${ticketEvents.data} ? 'to'`))))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
}

/** The rooms of a school declared with their own support mode. */
export function declaredRooms(tx: Executor, establishmentId: string) {
  return tx.select({ room: roomSupportModes.room, supportMode: roomSupportModes.supportMode }).from(roomSupportModes)
    .where(eq(roomSupportModes.establishmentId, establishmentId));
}

/** The rooms the ticket's equipment stands in (null: no room recorded). */
export async function ticketCiRooms(tx: Executor, ticketId: string): Promise<(string | null)[]> {
  const items = await tx.select({ room: configurationItems.room }).from(ticketCis)
    .innerJoin(configurationItems, eq(configurationItems.id, ticketCis.ciId))
    .where(eq(ticketCis.ticketId, ticketId));
  return items.map((item) => item.room);
}
