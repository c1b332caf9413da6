import { establishmentJson } from "@/lib/api/organisation-json";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { forbidden, invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { encodeCursor } from "@/lib/schemas/cursor";
import type { EstablishmentPageJson } from "@/lib/schemas/api-responses";
import { listEstablishmentsQuery } from "@/lib/schemas/establishments";
import { createEstablishmentSchema } from "@/lib/schemas/organisation";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { listVisibleEstablishments } from "@/lib/services/organisation/list-establishments";
import { createEstablishment } from "@/lib/services/organisation/create-establishment";
import { readEstablishment } from "@/lib/services/organisation/read-establishment";

export const dynamic = "force-dynamic";

/** GET /api/v1/establishments?zone=&q=&cursor=&limit= → {items, nextCursor}, keyset-paginated by name. */
export const GET = apiRoute(async (request: Request) => {
  const query = listEstablishmentsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  if (!can(caller, "establishments.read_all") && !can(caller, "establishments.read_own")) return forbidden();

  const page = await listVisibleEstablishments(caller, {
    zoneCode: query.data.zone,
    q: query.data.q,
    after: query.data.cursor,
    limit: query.data.limit,
  });
  return Response.json({
    items: page.items.map(({ id: _id, ...item }) => item),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  } satisfies EstablishmentPageJson);
});

/** POST /api/v1/establishments {uai, name, type, city, departement, zone, supportMode?, onboardingState?} → 201 with the school (admins). */
export const POST = apiRoute(async (request: Request) => {
  const parsed = createEstablishmentSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const created = await createEstablishment(caller, parsed.data, new Date(), auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  const school = await readEstablishment(caller, created.value.uai);
  if (!school) return notFound();
  return Response.json(establishmentJson(school), { status: 201, headers: { location: `/api/v1/establishments/${created.value.uai}` } });
});
