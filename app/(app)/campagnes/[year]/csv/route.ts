import { notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { requestTranslator } from "@/lib/auth/request-translator";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { campaignYear } from "@/lib/schemas/campaigns";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { allocationCsv } from "@/lib/services/campaigns/allocation";

export const dynamic = "force-dynamic";

/** GET /campagnes/{year}/csv → the granted lines of the caller's zone (or every zone) for procurement, as CSV; audited. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ year: string }> }) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const year = campaignYear.safeParse((await params).year);
  if (!year.success) return notFound();
  const file = await allocationCsv(caller, year.data, await requestTranslator(), new Date(), auditActor(request.headers, caller));
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
