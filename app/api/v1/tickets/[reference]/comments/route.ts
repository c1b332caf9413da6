import { idempotent } from "@/lib/api/idempotent";
import { problemFromFailure } from "@/lib/api/problem";
import { ticketRoute } from "@/lib/api/ticket-route";
import { addCommentSchema } from "@/lib/schemas/tickets";
import { addComment } from "@/lib/services/tickets/add-comment";

/** POST /api/v1/tickets/{reference}/comments {body, visibility} (optional `Idempotency-Key`) → 201. */
export const POST = ticketRoute(addCommentSchema, async ({ request, reference, input, caller }) =>
  idempotent(request, caller, `comments.create:${reference}`, input, {
    create: async (claim) => {
      const added = await addComment(caller, reference, input, [], new Date(), claim);
      if (!added.ok) return problemFromFailure(added.failure);
      return Response.json({ id: added.value.eventId, reference }, { status: 201 });
    },
    replay: async (recorded) => Response.json({ id: recorded.eventId, reference }, { status: 201 }),
  }),
);
