import { problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { requestTranslator } from "@/lib/auth/request-translator";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { recyclingCsv } from "@/lib/services/deliveries/recycling-csv";

export const dynamic = "force-dynamic";

/** GET /livraisons/recyclage/{uai}/csv → the school's recycling list (PRELP) as CSV; audited; 404 when not the caller's. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ uai: string }> }) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const { uai } = await params;
  const file = await recyclingCsv(caller, uai.toUpperCase(), await requestTranslator(), new Date(), auditActor(request.headers, caller));
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
