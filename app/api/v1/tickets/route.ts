import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketJson, ticketSummaryJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { createTicketSchema, listTicketsQuery } from "@/lib/schemas/tickets";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { listVisibleTickets } from "@/lib/services/tickets/list-tickets";
import { readTicket } from "@/lib/services/tickets/read-ticket";

export const dynamic = "force-dynamic";

/** POST /api/v1/tickets → 201 with the ticket as GET returns it. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createTicketSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const now = new Date();
  const created = await createTicket(caller, parsed.data, [], now, auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  const ticket = await readTicket(caller, created.value.reference, now);
  const location = { location: `/api/v1/tickets/${created.value.reference}` };
  return Response.json(ticket ? ticketJson(ticket.ticket) : { reference: created.value.reference }, { status: 201, headers: location });
});

/** GET /api/v1/tickets?establishment=&status=&service=&q=&mine=&cursor=&limit= → {items, nextCursor}, newest first. */
export const GET = apiRoute(async (request: Request) => {
  const query = listTicketsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { establishment, service, cursor, ...rest } = query.data;
  const page = await listVisibleTickets(caller, { ...rest, establishmentUai: establishment, serviceCode: service, after: cursor });
  return Response.json({ items: page.items.map(ticketSummaryJson), nextCursor: page.next ? encodeCursor(page.next) : null });
});
