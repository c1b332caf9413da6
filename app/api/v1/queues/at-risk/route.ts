import { apiRoute } from "@/lib/api/route";
import { queueResponse } from "@/lib/api/queue-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/queues/at-risk?status=&priority=&establishment=&zone=&service=&ci=&q=&sort=&cursor=&limit=
 * → {items, nextCursor}: open tickets within what the caller may see whose SLA is at risk or breached,
 * the soonest deadline to resolve first unless another sort is asked for.
 */
export const GET = apiRoute(async (request: Request) => queueResponse(request, "at-risk"));
