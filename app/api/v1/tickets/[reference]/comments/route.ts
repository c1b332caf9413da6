import { problemFromFailure } from "@/lib/api/problem";
import { ticketRoute } from "@/lib/api/ticket-route";
import { addCommentSchema } from "@/lib/schemas/tickets";
import { addComment } from "@/lib/services/tickets/add-comment";

/** POST /api/v1/tickets/{reference}/comments {body, visibility} → 201. */
export const POST = ticketRoute(addCommentSchema, async ({ reference, input, caller }) => {
  const added = await addComment(caller, reference, input, [], new Date());
  if (!added.ok) return problemFromFailure(added.failure);
  return Response.json({ id: added.value.eventId, reference }, { status: 201 });
});
