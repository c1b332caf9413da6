import { notFound, problemFromFailure } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { ticketRoute } from "@/lib/api/ticket-route";
import { patchTicketSchema } from "@/lib/schemas/tickets";
import { ticketPatch } from "@/lib/services/desk/patch-request";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { readTicketRecord } from "@/lib/services/tickets/read-ticket";

export const dynamic = "force-dynamic";

/** GET /api/v1/tickets/{reference}; a ticket the caller may not see answers 404 like a missing one. */
export const GET = ticketRoute(null, async ({ reference, caller }) => {
  const found = await readTicketRecord(caller, reference, new Date());
  return found ? Response.json(ticketJson(found)) : notFound();
});

/**
 * PATCH /api/v1/tickets/{reference} {status?, message?, assignee?, team?, type?, serviceCode?, categoryCode?, impact?, urgency?, ciIds?}
 * → 200 with the ticket. One transaction: a forbidden status move (409) keeps none of the other changes.
 */
export const PATCH = ticketRoute(patchTicketSchema, async ({ reference, input, caller }) => {
  const now = new Date();
  const updated = await updateTicket(caller, reference, ticketPatch(input), now);
  if (!updated.ok) return problemFromFailure(updated.failure);
  // Moved out of the caller's sight (e.g. to another team): the change stands; say which ticket it was.
  const found = await readTicketRecord(caller, reference, now);
  return Response.json(found ? ticketJson(found) : { reference });
});
