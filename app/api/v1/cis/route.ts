import { apiRoute, jsonBody } from "@/lib/api/route";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { createCiSchema, listCisQuery } from "@/lib/schemas/cis";
import { ciJson } from "@/lib/services/cmdb/ci-json";
import { listVisibleCis } from "@/lib/services/cmdb/list-cis";
import { readCi } from "@/lib/services/cmdb/read-ci";
import { createCi } from "@/lib/services/cmdb/save-ci";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cis?establishment=&zone=&class=&status=&building=&room=&q=&renewal=&warranty=&renewalAge=&cursor=&limit= → {items, nextCursor},
 * by name; `q` finds part of a name, serial, asset or region number, model or room. School staff see their schools' only.
 */
export const GET = apiRoute(async (request: Request) => {
  const query = listCisQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await listVisibleCis(caller, query.data, new Date());
  return Response.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
});

/** POST /api/v1/cis → 201 with the item as GET /cis/{id} returns it. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createCiSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const now = new Date();
  const created = await createCi(caller, parsed.data, "api", now);
  if (!created.ok) return problemFromFailure(created.failure);
  const item = await readCi(caller, created.value.id, now);
  if (!item) return notFound();
  return Response.json(ciJson(item), { status: 201, headers: { location: `/api/v1/cis/${created.value.id}` } });
});
