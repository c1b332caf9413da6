import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { ticketSummaryJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { queueQuery } from "@/lib/schemas/tickets";
import { queueFilters } from "@/lib/services/desk/queue-request";
import { listQueue, type QueueKey } from "@/lib/services/desk/queues";

/** GET of one queue: parse the filters, load the caller, list within their scope → {items, nextCursor} or problem+json. */
export async function queueResponse(request: Request, key: QueueKey): Promise<Response> {
  const query = queueQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await listQueue(caller, key, queueFilters(query.data));
  if (!page.ok) return problemFromFailure(page.failure);
  return Response.json({
    items: page.value.items.map(ticketSummaryJson),
    nextCursor: page.value.next ? encodeCursor(page.value.next) : null,
  });
}
