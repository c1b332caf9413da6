import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { escalationSchema, referenceParam } from "@/lib/schemas/tickets";
import { escalateTicket } from "@/lib/services/desk/update-ticket";
import { readTicket } from "@/lib/services/read-ticket";

type Context = { params: Promise<{ reference: string }> };

/** POST /api/v1/tickets/{reference}/escalations {target: vendor|expert|academy, teamCode?, vendorReference?, reason} → 201 with the ticket. */
export const POST = apiRoute(async (request: Request, context: Context) => {
  const reference = referenceParam.safeParse((await context.params).reference);
  if (!reference.success) return notFound();
  const parsed = escalationSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const now = new Date();
  const escalated = await escalateTicket(caller, reference.data, parsed.data, now);
  if (!escalated.ok) return problemFromFailure(escalated.failure);
  const found = await readTicket(caller, reference.data, now);
  return found ? Response.json(ticketJson(found.ticket), { status: 201 }) : notFound();
});
