import { teamJson } from "@/lib/api/organisation-json";
import { forbidden, invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { createTeamSchema, listTeamsQuery } from "@/lib/schemas/organisation";
import type { TeamPageJson } from "@/lib/schemas/organisation-responses";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createTeam } from "@/lib/services/organisation/create-team";
import { listTeams, readTeam } from "@/lib/services/organisation/list-teams";

export const dynamic = "force-dynamic";

/** GET /api/v1/teams?q=&cursor=&limit= → {items, nextCursor}: the teams and their members by code, for support staff (school staff: 403). */
export const GET = apiRoute(async (request: Request) => {
  const query = listTeamsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await listTeams(caller, { q: query.data.q, after: query.data.cursor, limit: query.data.limit });
  if (!page) return forbidden();
  return Response.json({
    items: page.items.map(teamJson),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  } satisfies TeamPageJson);
});

/** POST /api/v1/teams {code, name, party, zone?, members?: [{email, primary?}]} → 201 with the team (admins). */
export const POST = apiRoute(async (request: Request) => {
  const parsed = createTeamSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const created = await createTeam(caller, parsed.data, new Date(), auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  const team = await readTeam(caller, created.value.code);
  if (!team) return notFound();
  return Response.json(teamJson(team), { status: 201, headers: { location: `/api/v1/teams/${created.value.code}` } });
});
