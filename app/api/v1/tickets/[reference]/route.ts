import { apiRoute } from "@/lib/api/route";
import { notFound, unauthenticated } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { apiCaller } from "@/lib/auth/current-caller";
import { referenceParam } from "@/lib/schemas/tickets";
import { readTicket } from "@/lib/services/read-ticket";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

/** GET /api/v1/tickets/{reference}; a ticket the caller may not see answers 404 like a missing one. */
export const GET = apiRoute(async (request: Request, context: Context) => {
  const reference = referenceParam.safeParse((await context.params).reference);
  if (!reference.success) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const found = await readTicket(caller, reference.data, new Date());
  return found ? Response.json(ticketJson(found.ticket)) : notFound();
});
