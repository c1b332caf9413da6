import { problemFromFailure } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { ticketRoute } from "@/lib/api/ticket-route";
import { escalationSchema } from "@/lib/schemas/tickets";
import { escalateTicket } from "@/lib/services/desk/update-ticket";
import { readTicketRecord } from "@/lib/services/tickets/read-ticket";

/** POST /api/v1/tickets/{reference}/escalations {target: vendor|expert|academy, teamCode?, vendorReference?, reason} → 201 with the ticket. */
export const POST = ticketRoute(escalationSchema, async ({ reference, input, caller }) => {
  const now = new Date();
  const escalated = await escalateTicket(caller, reference, input, now);
  if (!escalated.ok) return problemFromFailure(escalated.failure);
  const found = await readTicketRecord(caller, reference, now);
  // Escalated out of the caller's sight (e.g. to the Académie): the change stands; say which ticket it was.
  return Response.json(found ? ticketJson(found) : { reference }, { status: 201 });
});
