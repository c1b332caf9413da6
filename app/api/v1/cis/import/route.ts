import { apiRoute, rethrowIfTooLarge } from "@/lib/api/route";
import { invalidRequest, problem, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiCaller } from "@/lib/auth/current-caller";
import { importQuery } from "@/lib/schemas/cis";
import { importCis, MAX_IMPORT_REQUEST_BYTES } from "@/lib/services/cmdb/import-cis";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/cis/import?dryRun=true|false, multipart/form-data with the CSV as `file` (UTF-8 or Windows-1252,
 * semicolons or commas) → {created, updated, unchanged, rejected: [{line, reasons}], rows, …}. A dry run (the default) writes nothing.
 * The caller is known (401) before the file is read; a request over the file's limit is 413.
 */
export const POST = apiRoute(async (request: Request) => {
  const query = importQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const file = await uploadedFile(request);
  if (!file) return problem(400, "Requête invalide", { detail: "Envoyez le fichier CSV en multipart/form-data, champ « file ».", errors: [{ field: "file", message: "Fichier manquant." }] });
  const imported = await importCis(caller, new Uint8Array(await file.arrayBuffer()), { dryRun: query.data.dryRun }, new Date());
  if (!imported.ok) return problemFromFailure(imported.failure);
  const { errorReport: _report, ...result } = imported.value;
  return Response.json(result);
}, { maxBodyBytes: MAX_IMPORT_REQUEST_BYTES });

async function uploadedFile(request: Request): Promise<File | null> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) return null;
  try {
    const file = (await request.formData()).get("file");
    return file instanceof File ? file : null;
  } catch (error) {
    rethrowIfTooLarge(error);
    return null;
  }
}
