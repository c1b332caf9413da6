import { eq } from "drizzle-orm";
import { ticketEvents, ticketFollowers, ticketLinks, tickets } from "@/db/schema";
import { ticketFollowerIds } from "@/db/queries/ticket-work";
import { isOpen } from "@/lib/domain/ticket-status";
import { refuse } from "../refusal";
import { type DeskContext, type LockedTicket } from "./workable-ticket";

/** A link or merge event in a ticket's journal. */
export async function journal(
  context: DeskContext,
  ticketId: string,
  kind: "linked" | "merged",
  visibility: "public" | "internal",
  data: Record<string, unknown>,
  body?: string,
) {
  const [event] = await context.tx
    .insert(ticketEvents)
    .values({
      ticketId,
      kind,
      visibility,
      authorId: context.caller.id,
      body: body ?? null,
      data,
      createdAt: context.now,
    })
    .returning({ id: ticketEvents.id });
  return event!.id;
}

/** Records that two tickets are related (both journals say so). */
export async function linkTickets(context: DeskContext, ticket: LockedTicket, other: LockedTicket): Promise<void> {
  if (other.id === ticket.id)
    refuse({ kind: "unprocessable", message: "desk.errors.linkSelf", errors: [{ field: "related", message: "desk.errors.sameTicket" }] });
  const [first, second] = ticket.id < other.id ? [ticket.id, other.id] : [other.id, ticket.id];
  await context.tx
    .insert(ticketLinks)
    .values({ ticketId: first, relatedId: second, createdById: context.caller.id, createdAt: context.now })
    .onConflictDoNothing();
  await journal(context, ticket.id, "linked", "internal", { related: other.reference });
  await journal(context, other.id, "linked", "internal", { related: ticket.reference });
}

/**
 * Merges a duplicate into its master: the duplicate closes pointing at the master, its requester
 * (and followers) now follow the master and are told by e-mail.
 */
export async function mergeInto(context: DeskContext, duplicate: LockedTicket, master: LockedTicket, reason: string): Promise<void> {
  if (master.id === duplicate.id)
    refuse({ kind: "unprocessable", message: "desk.errors.mergeSelf", errors: [{ field: "master", message: "desk.errors.sameTicket" }] });
  // Followers get the master's news: another school's must not (link the tickets instead).
  if (master.establishmentId !== duplicate.establishmentId) {
    refuse({
      kind: "unprocessable",
      message: "desk.errors.mergeOtherSchool",
      errors: [{ field: "master", message: "desk.errors.otherSchool" }],
    });
  }
  if (!isOpen(duplicate.status)) refuse({ kind: "conflict", message: "desk.errors.mergeOnlyOpen" });
  if (master.status === "closed" || master.status === "cancelled") refuse({ kind: "conflict", message: "desk.errors.masterClosed" });

  const { tx, now } = context;
  const newFollowers = [duplicate.requesterId, ...(await ticketFollowerIds(tx, duplicate.id))].filter(
    (userId) => userId !== master.requesterId,
  );
  if (newFollowers.length)
    await tx
      .insert(ticketFollowers)
      .values(newFollowers.map((userId) => ({ ticketId: master.id, userId })))
      .onConflictDoNothing();

  await tx
    .update(tickets)
    .set({ status: "closed", closedAt: now, updatedAt: now, mergedIntoId: master.id })
    .where(eq(tickets.id, duplicate.id));
  const eventId = await journal(
    context,
    duplicate.id,
    "merged",
    "public",
    { masterReference: master.reference, from: duplicate.status, to: "closed" },
    reason,
  );
  await journal(context, master.id, "merged", "public", { duplicateReference: duplicate.reference });
  context.notify({ kind: "merged", ticketId: duplicate.id, eventId });
}
