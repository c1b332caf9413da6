import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketJson, ticketSummaryJson } from "@/lib/api/ticket-json";
import { idempotent } from "@/lib/api/idempotent";
import { apiCaller } from "@/lib/auth/current-caller";
import type { Caller } from "@/lib/domain/caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { createTicketSchema, listTicketsQuery } from "@/lib/schemas/tickets";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { listVisibleTickets } from "@/lib/services/tickets/list-tickets";
import { readTicketRecord } from "@/lib/services/tickets/read-ticket";

export const dynamic = "force-dynamic";

/** 201 with the ticket as GET returns it (as it is now, when a retry is answered). */
async function createdTicket(caller: Caller, reference: string) {
  const ticket = await readTicketRecord(caller, reference, new Date());
  const location = { location: `/api/v1/tickets/${reference}` };
  return Response.json(ticket ? ticketJson(ticket) : { reference }, { status: 201, headers: location });
}

/** POST /api/v1/tickets (optional `Idempotency-Key`) → 201 with the ticket as GET returns it. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createTicketSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  return idempotent(request, caller, "tickets.create", parsed.data, {
    create: async (claim) => {
      const created = await createTicket(caller, parsed.data, [], new Date(), auditActor(request.headers, caller), {
        idempotency: claim,
        channel: "api",
      });
      return created.ok ? createdTicket(caller, created.value.reference) : problemFromFailure(created.failure);
    },
    replay: (recorded) => createdTicket(caller, String(recorded.reference)),
  });
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
