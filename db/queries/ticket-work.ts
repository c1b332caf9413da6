import { and, eq, inArray, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { attachments, categories, services, ticketCis, ticketEvents, ticketFollowers, ticketRatings, tickets } from "@/db/schema";

/** Who holds a ticket now: its team, its assignee, the vendor it waits for. */
export async function ticketHolders(db: Executor, ticketId: string) {
  const [row] = await db
    .select({ teamId: tickets.assignedTeamId, assigneeId: tickets.assigneeId, vendorId: tickets.vendorId })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** What a re-qualification may change (type, codes, impact, urgency) and its school. */
export async function ticketQualification(db: Executor, ticketId: string) {
  const [row] = await db
    .select({
      type: tickets.type,
      impact: tickets.impact,
      urgency: tickets.urgency,
      establishmentId: tickets.establishmentId,
      categoryCode: categories.code,
      serviceCode: services.code,
    })
    .from(tickets)
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** The ids of the equipment a ticket names. */
export async function ticketCiIds(db: Executor, ticketId: string): Promise<string[]> {
  return (await db.select({ id: ticketCis.ciId }).from(ticketCis).where(eq(ticketCis.ticketId, ticketId))).map((row) => row.id);
}

/** The people following a ticket (besides its requester). */
export async function ticketFollowerIds(db: Executor, ticketId: string): Promise<string[]> {
  return (await db.select({ userId: ticketFollowers.userId }).from(ticketFollowers).where(eq(ticketFollowers.ticketId, ticketId))).map(
    (row) => row.userId,
  );
}

/** Those of `eventIds` that are internal notes of the ticket. */
export function internalNotesAmong(db: Executor, ticketId: string, eventIds: number[]) {
  return db
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(
      and(
        inArray(ticketEvents.id, eventIds),
        eq(ticketEvents.ticketId, ticketId),
        eq(ticketEvents.kind, "comment"),
        eq(ticketEvents.visibility, "internal"),
      ),
    );
}

/** Those of `attachmentIds` that are files of the ticket. */
export function ticketAttachmentsAmong(db: Executor, ticketId: string, attachmentIds: string[]) {
  return db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.id, attachmentIds), eq(attachments.ticketId, ticketId)));
}

/** Whether the requester has rated the ticket. */
export async function ticketIsRated(db: Executor, ticketId: string): Promise<boolean> {
  const [rating] = await db.select({ score: ticketRatings.score }).from(ticketRatings).where(eq(ticketRatings.ticketId, ticketId));
  return rating !== undefined;
}

/** Up to `limit` tickets resolved before `cutoff` and still resolved. */
export function resolvedBefore(db: Executor, cutoff: Date, limit: number) {
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, "resolved"), lt(tickets.resolvedAt, cutoff)))
    .limit(limit);
}

/** The open tickets a person filed for a school. */
export async function openTicketIdsOf(db: Executor, requesterId: string, establishmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(eq(tickets.requesterId, requesterId), eq(tickets.establishmentId, establishmentId), inArray(tickets.status, [...OPEN_STATUSES])),
    );
  return rows.map((row) => row.id);
}
