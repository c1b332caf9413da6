import { invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { markReadSchema } from "@/lib/schemas/notifications";
import { markMyNotificationsRead } from "@/lib/services/notifications/my-notifications";

export const dynamic = "force-dynamic";

/** POST /api/v1/me/notifications/read {ids?} → {marked, unreadCount}: the named notifications of the caller, or all of them. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  // No body at all means "all"; a body must be JSON (a form from another site cannot send one).
  const body = markReadSchema.safeParse(request.headers.get("content-type") ? await jsonBody(request) : {});
  if (!body.success) return invalidRequest(body.error);
  return Response.json(await markMyNotificationsRead(caller, body.data.ids, new Date()));
});
