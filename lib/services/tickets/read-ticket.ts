import { database } from "@/db/client";
import { ticketDetail, ticketJournal } from "@/db/queries/ticket-detail";
import { listTicketAttachments } from "@/db/queries/ticket-attachments";
import type { Caller } from "@/lib/domain/caller";
import { requesterActions } from "@/lib/domain/ticket-status";
import { canActAsRequester, canSeeTicket, internalSight } from "@/lib/domain/ticket-visibility";
import { vendorStanding } from "@/lib/domain/vendor-access";

/**
 * The ticket of that reference with the facts its visibility rule needs (one statement), when the caller may see
 * it; null otherwise.
 */
async function seenTicket(caller: Caller, reference: string, now: Date) {
  const found = await ticketDetail(database(), reference);
  return found && canSeeTicket(caller, found.facts, now) ? found : null;
}

/**
 * The ticket itself as the caller may see it (no journal nor files: what the API answers with), or null as
 * `readTicket` says.
 */
export async function readTicketDetail(caller: Caller, reference: string, now: Date) {
  return (await seenTicket(caller, reference, now))?.ticket ?? null;
}

/**
 * A ticket as the caller may see it, or null — for a ticket they may not see as for one
 * that does not exist, so another school's reference answers 404, never 403. The journal
 * and files are those of the caller's sight (a vendor: the public ones and what was shared with it).
 */
export async function readTicket(caller: Caller, reference: string, now: Date) {
  const db = database();
  const seen = await seenTicket(caller, reference, now);
  if (!seen) return null;
  const { ticket, facts } = seen;
  const sight = internalSight(caller, facts, now);
  const [journal, attachments] = await Promise.all([ticketJournal(db, facts.id, sight), listTicketAttachments(db, facts.id, sight)]);
  return {
    ticket,
    journal: journal.map((event) => ({ ...event, attachments: attachments.filter((file) => file.eventId === event.id) })),
    attachments,
    actions: canActAsRequester(caller, facts)
      ? requesterActions({ status: ticket.status, resolvedAt: ticket.resolvedAt, rated: ticket.rating !== null }, now)
      : [],
    /** A vendor agent's standing on the ticket (working during its wait, then read-only); null for everyone else. */
    vendorStage: caller.role === "vendor_agent" ? vendorStanding(caller.teamIds, facts.vendorGrants, now).stage : null,
  };
}

export type ReadableTicket = NonNullable<Awaited<ReturnType<typeof readTicket>>>;
