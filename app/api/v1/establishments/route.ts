import { apiRoute } from "@/lib/api/route";
import { forbidden, invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { encodeCursor } from "@/lib/schemas/cursor";
import type { EstablishmentPageJson } from "@/lib/schemas/api-responses";
import { listEstablishmentsQuery } from "@/lib/schemas/establishments";
import { listVisibleEstablishments } from "@/lib/services/list-establishments";

export const dynamic = "force-dynamic";

/** GET /api/v1/establishments?zone=&q=&cursor=&limit= → {items, nextCursor}, keyset-paginated by name. */
export const GET = apiRoute(async (request: Request) => {
  const query = listEstablishmentsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  if (!can(caller, "establishments.read_all") && !can(caller, "establishments.read_own")) return forbidden();

  const page = await listVisibleEstablishments(caller, { zoneCode: query.data.zone, q: query.data.q, after: query.data.cursor, limit: query.data.limit });
  return Response.json({
    items: page.items.map(({ id: _id, ...item }) => item),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  } satisfies EstablishmentPageJson);
});
