import { problemFromFailure } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { ticketRoute } from "@/lib/api/ticket-route";
import { handBackSchema } from "@/lib/schemas/tickets";
import { handBackTicket } from "@/lib/services/desk/update-ticket";
import { readTicketRecord } from "@/lib/services/tickets/read-ticket";

/** POST /api/v1/tickets/{reference}/hand-back {report} → 200 with the ticket: the vendor's wait ends, the Région's team resolves. */
export const POST = ticketRoute(handBackSchema, async ({ reference, input, caller }) => {
  const now = new Date();
  const handedBack = await handBackTicket(caller, reference, input.report, now);
  if (!handedBack.ok) return problemFromFailure(handedBack.failure);
  const found = await readTicketRecord(caller, reference, now);
  return Response.json(found ? ticketJson(found) : { reference });
});
