import { problemFromFailure } from "@/lib/api/problem";
import { changedTicketJson } from "@/lib/api/ticket-json";
import { ticketRoute } from "@/lib/api/ticket-route";
import { escalationSchema } from "@/lib/schemas/tickets";
import { escalateTicket } from "@/lib/services/desk/update-ticket";

/** POST /api/v1/tickets/{reference}/escalations {target: vendor|expert|academy, teamCode?, vendorReference?, reason} → 201 with the ticket. */
export const POST = ticketRoute(escalationSchema, async ({ reference, input, caller }) => {
  const now = new Date();
  const escalated = await escalateTicket(caller, reference, input, now);
  if (!escalated.ok) return problemFromFailure(escalated.failure);
  // Escalated out of the caller's sight (e.g. to the Académie): the change stands; the answer says which ticket it was.
  return Response.json(await changedTicketJson(caller, reference, now), { status: 201 });
});
