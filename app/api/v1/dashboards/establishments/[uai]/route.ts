import { establishmentDashboardJson } from "@/lib/api/dashboard-json";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { dashboardApiQuery } from "@/lib/schemas/dashboards";
import { uaiCode } from "@/lib/schemas/primitives";
import { apiPeriod } from "@/lib/services/dashboards/dashboard-scope";
import { readEstablishmentDashboard } from "@/lib/services/dashboards/establishment-dashboard";

export const dynamic = "force-dynamic";

/** GET /api/v1/dashboards/establishments/{uai}?from=&to= → a school's dashboard; 403 for roles without dashboards, 404 out of scope. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ uai: string }> }) => {
  const query = dashboardApiQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const uai = uaiCode.safeParse((await params).uai);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const now = new Date();
  const period = apiPeriod(query.data.from, query.data.to, now);
  if (!period.ok) return problemFromFailure(period.failure);
  // A malformed UAI names no school: the same answer as an unknown one, once the role is checked.
  const dashboard = await readEstablishmentDashboard(caller, uai.success ? uai.data : "-", period.value, now);
  if (!dashboard.ok) return problemFromFailure(dashboard.failure);
  return Response.json(establishmentDashboardJson(dashboard.value));
});
