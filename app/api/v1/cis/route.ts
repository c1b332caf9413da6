import { apiRoute } from "@/lib/api/route";
import { invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listCisQuery } from "@/lib/schemas/cis";
import { listVisibleCis } from "@/lib/services/list-cis";

export const dynamic = "force-dynamic";

/** GET /api/v1/cis?establishment=&class=&status=&q=&cursor=&limit= → {items, nextCursor}; school staff see their schools' only. */
export const GET = apiRoute(async (request: Request) => {
  const query = listCisQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { establishment, cursor, ...filters } = query.data;
  const page = await listVisibleCis(caller, { ...filters, establishmentUai: establishment, after: cursor });
  return Response.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
});
