import { zoneDashboardJson } from "@/lib/api/dashboard-json";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { dashboardApiQuery, zoneCodeParam } from "@/lib/schemas/dashboards";
import { apiPeriod } from "@/lib/services/dashboards/dashboard-scope";
import { readRegionalDashboard } from "@/lib/services/dashboards/regional-dashboard";

export const dynamic = "force-dynamic";

/** GET /api/v1/dashboards/zones/{code}?from=&to= → a zone's figures, per team, school and vendor; sector leads their zone only. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const query = dashboardApiQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const code = zoneCodeParam.safeParse((await params).code);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const now = new Date();
  const period = apiPeriod(query.data.from, query.data.to, now);
  if (!period.ok) return problemFromFailure(period.failure);
  const dashboard = await readRegionalDashboard(caller, code.success ? code.data : "-", period.value, now);
  if (!dashboard.ok) return problemFromFailure(dashboard.failure);
  return Response.json(zoneDashboardJson(dashboard.value));
});
