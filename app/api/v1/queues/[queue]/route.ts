import { apiRoute } from "@/lib/api/route";
import { queueResponse } from "@/lib/api/queue-response";
import { queueKey } from "@/lib/services/desk/queue-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ queue: string }> };

/**
 * GET /api/v1/queues/{teamCode | mine | unassigned}?status=&priority=&establishment=&zone=&service=&ci=&q=&sort=&cursor=&limit=
 * → {items, nextCursor}: open tickets unless a status is given, within what the caller may see.
 */
export const GET = apiRoute(async (request: Request, context: Context) => queueResponse(request, queueKey((await context.params).queue)));
