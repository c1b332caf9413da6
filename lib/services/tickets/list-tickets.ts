import { database } from "@/db/client";
import { listTickets, type TicketCursor } from "@/db/queries/ticket-list";
import type { Caller } from "@/lib/domain/caller";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import type { TicketStatus } from "@/lib/domain/vocabulary";

/** Tickets the caller may see, optionally only those they filed ("mine"). */
export function listVisibleTickets(
  caller: Caller,
  options: {
    mine?: boolean;
    establishmentUai?: string;
    status?: TicketStatus;
    serviceCode?: string;
    q?: string;
    after?: TicketCursor;
    limit: number;
  },
) {
  const { mine, ...filters } = options;
  return listTickets(database(), { ...filters, scope: ticketScope(caller, new Date()), requesterId: mine ? caller.id : undefined });
}
