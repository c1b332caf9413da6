import { ticketHolders } from "@/db/queries/ticket-work";
import { journalNote, setStatus } from "./ticket-operations";
import type { DeskContext, LockedTicket } from "./workable-ticket";

/**
 * The vendor hands the ticket back with its report (internal: the Région's team reads it and tells the
 * school what it needs): the ticket leaves "waiting for the vendor", which ends the vendor's wait (its
 * repair time stops, lib/services/sla) and turns its access read-only; the Région's team, e-mailed the
 * report, resolves.
 */
export async function handBack(context: DeskContext, ticket: LockedTicket, report: string): Promise<void> {
  const eventId = await journalNote(context, ticket, report, { handBack: true });
  context.notify({ kind: "vendor_message", ticketId: ticket.id, eventId });
  const holders = await ticketHolders(context.tx, ticket.id);
  await setStatus(context, ticket, holders?.assigneeId ? "in_progress" : "assigned");
}
