import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ticketEvents, tickets } from "@/db/schema";
import { canTransition } from "@/lib/domain/ticket-status";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { endVendorAccess } from "../desk/vendor-access";

/** The ticket row locked for the rest of the transaction, so two actions on it never interleave. */
export async function lockTicket(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({ id: tickets.id, status: tickets.status, requesterId: tickets.requesterId, resolvedAt: tickets.resolvedAt })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .for("update");
  return row!;
}

/**
 * Moves a locked ticket to another status and journals it (who, when, from → to).
 * Returns null when the lifecycle table forbids the move; the journal event id otherwise.
 * Leaving "waiting for the vendor", by whatever path, ends the vendor's working access.
 */
export async function transitionTicket(
  tx: Executor,
  ticket: { id: string; status: TicketStatus },
  to: TicketStatus,
  actorId: string | null,
  now: Date,
  /** A public message that goes with the move (the question when waiting for the requester, the resolution…). */
  body?: string,
): Promise<number | null> {
  if (!canTransition(ticket.status, to)) return null;
  await tx
    .update(tickets)
    .set({
      status: to,
      updatedAt: now,
      ...(to === "resolved" ? { resolvedAt: now } : {}),
      ...(to === "closed" ? { closedAt: now } : {}),
      ...(ticket.status === "resolved" && to === "assigned" ? { resolvedAt: null } : {}),
    })
    .where(eq(tickets.id, ticket.id));
  if (ticket.status === "waiting_vendor") await endVendorAccess(tx, ticket.id, now);
  const [event] = await tx
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      kind: "status_changed",
      visibility: "public",
      authorId: actorId,
      body: body?.trim() || null,
      data: { from: ticket.status, to },
      createdAt: now,
    })
    .returning({ id: ticketEvents.id });
  return event!.id;
}
