import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, establishments, slaPolicies, ticketEvents, tickets } from "@/db/schema";
import { DEFAULT_CALENDAR } from "@/lib/domain/business-calendar";
import { commitmentFor, computeSla, DEFAULT_SLA_TARGETS, type SlaStatusChange } from "@/lib/domain/sla";
import type { TicketStatus } from "@/lib/domain/vocabulary";

/**
 * Recomputes a ticket's SLA from its facts and stores it on the ticket, inside the caller's
 * transaction: call it at the end of every change to a ticket. Records when the ticket was first
 * taken in charge and first answered publicly, then asks lib/domain/sla for the deadlines
 * (on the default calendar: team calendars come later). `slaVersion` is bumped whenever a
 * deadline moves, so jobs keyed on it can tell a stale schedule.
 */
export async function refreshSla(tx: Executor, ticketId: string, now: Date): Promise<void> {
  const [ticket] = await tx
    .select({
      createdAt: tickets.createdAt, status: tickets.status, priority: tickets.priority, type: tickets.type, assigneeId: tickets.assigneeId,
      requesterId: tickets.requesterId, takenAt: tickets.takenAt, firstPublicReplyAt: tickets.firstPublicReplyAt,
      ownBy: tickets.ownBy, resolveBy: tickets.resolveBy, slaVersion: tickets.slaVersion,
      hardware: categories.hardware, supportMode: establishments.supportMode, targets: slaPolicies.targets,
    })
    .from(tickets)
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .leftJoin(slaPolicies, eq(slaPolicies.id, tickets.slaPolicyId))
    .where(eq(tickets.id, ticketId));
  if (!ticket) return;

  const takenAt = ticket.takenAt ?? (ticket.assigneeId !== null && ticket.status === "in_progress" ? now : null);
  let firstPublicReplyAt = ticket.firstPublicReplyAt;
  if (firstPublicReplyAt === null) {
    const [reply] = await tx.select({ at: ticketEvents.createdAt }).from(ticketEvents)
      .where(and(
        eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, "comment"), eq(ticketEvents.visibility, "public"),
        isNotNull(ticketEvents.authorId), ne(ticketEvents.authorId, ticket.requesterId),
      ))
      .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id)).limit(1);
    firstPublicReplyAt = reply?.at ?? null;
  }

  const commitment = commitmentFor({
    targets: ticket.targets ?? DEFAULT_SLA_TARGETS, priority: ticket.priority, supportMode: ticket.supportMode,
    category: { type: ticket.type, hardware: ticket.hardware },
  });
  let sla: { ownBy: Date | null; resolveBy: Date | null; slaPausedMinutes: number; slaState: "ok" | "at_risk" | "breached" | null } = {
    ownBy: null, resolveBy: null, slaPausedMinutes: 0, slaState: null,
  };
  if (commitment) {
    const events = await tx.select({ at: ticketEvents.createdAt, data: ticketEvents.data }).from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, "status_changed")))
      .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
    const statusChanges: SlaStatusChange[] = events.map((event) => ({
      at: event.at, from: event.data.from as TicketStatus, to: event.data.to as TicketStatus,
    }));
    const status = computeSla(DEFAULT_CALENDAR, commitment, { createdAt: ticket.createdAt, statusChanges, firstTakenAt: takenAt, firstPublicReplyAt }, now);
    sla = { ownBy: status.ownBy, resolveBy: status.resolveBy, slaPausedMinutes: Math.round(status.pausedMinutes), slaState: status.state };
  }
  const moved = sla.ownBy?.getTime() !== ticket.ownBy?.getTime() || sla.resolveBy?.getTime() !== ticket.resolveBy?.getTime();
  await tx.update(tickets).set({
    ...sla, takenAt, firstPublicReplyAt, slaVersion: moved ? ticket.slaVersion + 1 : ticket.slaVersion,
  }).where(eq(tickets.id, ticketId));
}
