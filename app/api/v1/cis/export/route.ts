import { apiRoute } from "@/lib/api/route";
import { parisDay } from "@/lib/domain/business-calendar";
import { invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { listCisQuery } from "@/lib/schemas/cis";
import { exportCis } from "@/lib/services/cmdb/export-cis";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/cis/export?<the list's filters> → text/csv of every matching item the caller may see (the import's columns,
 * then the computed ones). A failure on the first page is a 500; after it, the transfer breaks instead of ending.
 */
export const GET = apiRoute(async (request: Request) => {
  const query = listCisQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { cursor: _cursor, limit: _limit, ...filters } = query.data;
  const now = new Date();
  const school = filters.establishment && /^[0-9A-Z]{8}$/.test(filters.establishment) ? filters.establishment : "guichet";
  const name = `inventaire-${school}-${parisDay(now)}.csv`;
  return new Response(await exportCis(caller, filters, now), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      ...DOWNLOAD_HEADERS,
    },
  });
});
