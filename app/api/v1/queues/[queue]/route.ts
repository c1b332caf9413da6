import { apiRoute } from "@/lib/api/route";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketSummaryJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { queueQuery } from "@/lib/schemas/tickets";
import { queueFilters, queueKey } from "@/lib/services/queue-request";
import { listQueue } from "@/lib/services/queues";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ queue: string }> };

/**
 * GET /api/v1/queues/{teamCode | mine | unassigned}?status=&priority=&establishment=&zone=&service=&ci=&q=&sort=&cursor=&limit=
 * → {items, nextCursor}: open tickets unless a status is given, within what the caller may see.
 */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const query = queueQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await listQueue(caller, queueKey((await context.params).queue), queueFilters(query.data));
  if (!page.ok) return problemFromFailure(page.failure);
  return Response.json({ items: page.value.items.map(ticketSummaryJson), nextCursor: page.value.next ? encodeCursor(page.value.next) : null });
});
