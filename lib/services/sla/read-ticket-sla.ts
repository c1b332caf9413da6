import { database } from "@/db/client";
import { ticketSlaView, type TicketSlaView } from "./ticket-sla";

/**
 * The SLA of a ticket the caller has already been allowed to read (readTicket checked it against the
 * loaded record), computed live at `now` on the holding team's calendar, for its page.
 */
export function readTicketSla(ticketId: string, now: Date): Promise<TicketSlaView | null> {
  return ticketSlaView(database(), ticketId, now);
}
