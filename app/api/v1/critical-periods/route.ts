import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import type { CriticalPeriodRow } from "@/db/queries/critical-periods";
import { createCriticalPeriodSchema } from "@/lib/schemas/critical-periods";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createCriticalPeriod } from "@/lib/services/critical-periods/create-critical-period";
import { listCriticalPeriods } from "@/lib/services/critical-periods/list-critical-periods";

export const dynamic = "force-dynamic";

const periodJson = (period: CriticalPeriodRow) => ({
  id: period.id,
  name: period.name,
  kind: period.kind,
  startsOn: period.startsOn,
  endsOn: period.endsOn,
  priorityFloor: period.priorityFloor,
  allEstablishments: period.allEstablishments,
  establishments: period.establishments,
  createdAt: period.createdAt.toISOString(),
});

/** GET /api/v1/critical-periods → {items}: the declared critical periods (admins and the service lead; others 403). */
export const GET = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const periods = await listCriticalPeriods(caller);
  if (!periods.ok) return problemFromFailure(periods.failure);
  return Response.json({ items: periods.value.map(periodJson) });
});

/** POST /api/v1/critical-periods {name, kind, startsOn, endsOn, priorityFloor?, establishments?} → 201 with the period. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createCriticalPeriodSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const created = await createCriticalPeriod(caller, parsed.data, auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  return Response.json(periodJson(created.value), { status: 201 });
});
