import { database } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketDetail, ticketJournal } from "@/db/queries/ticket-detail";
import { listTicketAttachments } from "@/db/queries/ticket-attachments";
import type { Caller } from "@/lib/domain/caller";
import { requesterActions } from "@/lib/domain/ticket-status";
import { canActAsRequester, canSeeTicket, internalSight } from "@/lib/domain/ticket-visibility";
import { vendorStanding } from "@/lib/domain/vendor-access";

/**
 * A ticket as the caller may see it, or null — for a ticket they may not see as for one
 * that does not exist, so another school's reference answers 404, never 403. The journal
 * and files are those of the caller's sight (a vendor: the public ones and what was shared with it).
 */
export async function readTicket(caller: Caller, reference: string, now: Date) {
  const db = database();
  const facts = await visibleFacts(caller, reference, now);
  if (!facts) return null;
  const sight = internalSight(caller, facts, now);
  const [detail, journal, attachments] = await Promise.all([
    ticketDetail(db, facts.id),
    ticketJournal(db, facts.id, sight),
    listTicketAttachments(db, facts.id, sight),
  ]);
  if (!detail) return null;
  return {
    ticket: detail,
    journal: journal.map((event) => ({ ...event, attachments: attachments.filter((file) => file.eventId === event.id) })),
    attachments,
    actions: canActAsRequester(caller, facts)
      ? requesterActions({ status: detail.status, resolvedAt: detail.resolvedAt, rated: detail.rating !== null }, now)
      : [],
    /** A vendor agent's standing on the ticket (working during its wait, then read-only); null for everyone else. */
    vendorStage: caller.role === "vendor_agent" ? vendorStanding(caller.teamIds, facts.vendorGrants, now).stage : null,
  };
}

async function visibleFacts(caller: Caller, reference: string, now: Date) {
  const facts = await ticketFacts(database(), { reference });
  return facts && canSeeTicket(caller, facts, now) ? facts : null;
}

/**
 * The ticket alone (what the API answers: no journal, no files), as the caller may see it, or null as
 * {@link readTicket} says. The lookup by reference reads no more than it returns (issue 19).
 */
export async function readTicketRecord(caller: Caller, reference: string, now: Date) {
  const facts = await visibleFacts(caller, reference, now);
  return facts && ticketDetail(database(), facts.id);
}

export type ReadableTicket = NonNullable<Awaited<ReturnType<typeof readTicket>>>;
