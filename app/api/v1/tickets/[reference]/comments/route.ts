import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { addCommentSchema, referenceParam } from "@/lib/schemas/tickets";
import { addComment } from "@/lib/services/add-comment";

type Context = { params: Promise<{ reference: string }> };

/** POST /api/v1/tickets/{reference}/comments {body, visibility} → 201. */
export const POST = apiRoute(async (request: Request, context: Context) => {
  const reference = referenceParam.safeParse((await context.params).reference);
  if (!reference.success) return notFound();
  const parsed = addCommentSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const added = await addComment(caller, reference.data, parsed.data, [], new Date());
  if (!added.ok) return problemFromFailure(added.failure);
  return Response.json({ id: added.value.eventId, reference: reference.data }, { status: 201 });
});
