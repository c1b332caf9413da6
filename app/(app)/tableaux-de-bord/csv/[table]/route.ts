import { problemFromFailure, unauthenticated, invalidRequest } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { drillDownQuery } from "@/lib/schemas/dashboards";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { csvTranslator, dashboardCsv, drillDownCsv } from "@/lib/services/dashboards/dashboard-csv";

export const dynamic = "force-dynamic";

/**
 * GET /tableaux-de-bord/csv/{table}?establishment=|zone=&from=&to= → one table of a dashboard as CSV;
 * /tableaux-de-bord/csv/tickets?… → the list behind a figure (the drill-down's filters). The page's session.
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ table: string }> }) => {
  const { table } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { t, locale } = await csvTranslator(request.headers.get("cookie"));
  const now = new Date();
  const actor = auditActor(request.headers, caller);
  let file;
  if (table === "tickets") {
    const query = drillDownQuery.safeParse(search);
    if (!query.success) return invalidRequest(query.error);
    file = await drillDownCsv(caller, query.data, t, locale, now, actor);
  } else {
    file = await dashboardCsv(
      caller,
      { table, establishment: search.establishment, zone: search.zone, a: search.a, b: search.b, from: search.from, to: search.to },
      t,
      locale,
      now,
      actor,
    );
  }
  if (!file.ok) return problemFromFailure(file.failure);
  return new Response(file.value.text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.value.fileName}"`,
      "cache-control": "no-store",
      ...DOWNLOAD_HEADERS,
    },
  });
});
