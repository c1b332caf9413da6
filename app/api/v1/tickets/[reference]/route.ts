import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { patchTicketSchema, referenceParam } from "@/lib/schemas/tickets";
import { ticketPatch } from "@/lib/services/desk/patch-request";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { readTicket } from "@/lib/services/read-ticket";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

/** GET /api/v1/tickets/{reference}; a ticket the caller may not see answers 404 like a missing one. */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const reference = referenceParam.safeParse((await context.params).reference);
  if (!reference.success) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const found = await readTicket(caller, reference.data, new Date());
  return found ? Response.json(ticketJson(found.ticket)) : notFound();
});

/**
 * PATCH /api/v1/tickets/{reference} {status?, message?, assignee?, team?, type?, serviceCode?, categoryCode?, impact?, urgency?, ciIds?}
 * → 200 with the ticket. One transaction: a forbidden status move (409) keeps none of the other changes.
 */
export const PATCH = apiRoute(async (request: Request, context: Context) => {
  const reference = referenceParam.safeParse((await context.params).reference);
  if (!reference.success) return notFound();
  const parsed = patchTicketSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const now = new Date();
  const updated = await updateTicket(caller, reference.data, ticketPatch(parsed.data), now);
  if (!updated.ok) return problemFromFailure(updated.failure);
  const found = await readTicket(caller, reference.data, now);
  return found ? Response.json(ticketJson(found.ticket)) : notFound();
});
