import { z } from "zod";
import { planningJson } from "@/lib/api/planning-json";
import { invalidRequest, problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { planningQuerySchema } from "@/lib/schemas/planning";
import { readTechnicianWeek } from "@/lib/services/planning/technician-planning";

export const dynamic = "force-dynamic";

const planningRoute = recordRoute("id", z.uuid());

/** GET /api/v1/technicians/{id}/planning?week=2026-W50: the technician, their zone's sector lead or an admin; 400 for a malformed week. */
export const GET = planningRoute(null, async ({ request, id, caller }) => {
  const query = planningQuerySchema.safeParse({ week: new URL(request.url).searchParams.get("week") ?? undefined });
  if (!query.success) return invalidRequest(query.error);
  const result = await readTechnicianWeek(caller, id, query.data.week);
  return result.ok ? Response.json(planningJson(result.value)) : problemFromFailure(result.failure);
});
