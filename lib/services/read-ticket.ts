import { database } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketDetail, ticketJournal } from "@/db/queries/ticket-detail";
import type { Caller } from "@/lib/domain/caller";
import { requesterActions } from "@/lib/domain/ticket-status";
import { canActAsRequester, canSeeInternalNotes, canSeeTicket } from "@/lib/domain/ticket-visibility";
import { listTicketAttachments } from "./attachments";

/**
 * A ticket as the caller may see it, or null — for a ticket they may not see as for one
 * that does not exist, so another school's reference answers 404, never 403.
 */
export async function readTicket(caller: Caller, reference: string, now: Date) {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts)) return null;
  const internal = canSeeInternalNotes(caller);
  const [detail, journal, attachments] = await Promise.all([
    ticketDetail(db, facts.id), ticketJournal(db, facts.id), listTicketAttachments(db, facts.id, { includeInternal: internal }),
  ]);
  if (!detail) return null;
  const visibleEvents = journal.filter((event) => internal || event.visibility === "public");
  const visibleEventIds = new Set(visibleEvents.map((event) => event.id));
  return {
    ticket: detail,
    journal: visibleEvents.map((event) => ({ ...event, attachments: attachments.filter((file) => file.eventId === event.id) })),
    attachments: attachments.filter((file) => visibleEventIds.has(file.eventId)),
    actions: canActAsRequester(caller, facts) ? requesterActions({ status: detail.status, resolvedAt: detail.resolvedAt, rated: detail.rating !== null }, now) : [],
  };
}

export type ReadableTicket = NonNullable<Awaited<ReturnType<typeof readTicket>>>;
