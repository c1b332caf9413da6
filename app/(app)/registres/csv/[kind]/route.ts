import { problemFromFailure, unauthenticated, notFound } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { requestTranslator } from "@/lib/auth/request-translator";
import { DOWNLOAD_HEADERS } from "@/lib/http/security-headers";
import { registersPageQuery } from "@/lib/schemas/registers";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { REGISTER_CSV_KINDS, registersCsv, type RegisterCsvKind } from "@/lib/services/registers/registers-csv";

export const dynamic = "force-dynamic";

/** GET /registres/csv/{filtering|delegations}?uai=&inForce=1 → that register of every school in the caller's scope, as CSV; audited. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (!REGISTER_CSV_KINDS.includes(kind as RegisterCsvKind)) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = registersPageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : {};
  const file = await registersCsv(
    caller,
    kind as RegisterCsvKind,
    { uai: query.uai, inForce: query.inForce === "1" },
    await requestTranslator(),
    new Date(),
    auditActor(request.headers, caller),
  );
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
