import type { Caller } from "@/lib/domain/caller";
import { invalidRequest, problem, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, rethrowIfTooLarge } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { importQuery } from "@/lib/schemas/csv-import";
import { MAX_IMPORT_REQUEST_BYTES, type ImportOutcome } from "@/lib/services/csv/csv-import";
import type { ServiceResult } from "@/lib/services/service-result";

type Importer<Row> = (caller: Caller, bytes: Uint8Array, dryRun: boolean, request: Request) => Promise<ServiceResult<ImportOutcome<Row>>>;

/**
 * POST …/import?dryRun=true|false, multipart/form-data with the CSV as `file` (UTF-8 or Windows-1252,
 * semicolons or commas) → {created, updated, unchanged, rejected: [{line, reasons}], rows, …}. A dry run (the
 * default) writes nothing. The route of every CSV import (inventory, accounts): the importer checks who may.
 * The caller is known (401) before the file is read; a request over the file's limit is 413.
 */
export function csvImportRoute<Row>(importer: Importer<Row>) {
  return apiRoute(
    async (request: Request) => {
      const query = importQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return invalidRequest(query.error);
      const caller = await apiCaller(request);
      if (!caller) return unauthenticated();
      const file = await uploadedFile(request);
      if (!file)
        return problem(400, "errors.api.invalid", {
          detail: "errors.api.csvMissing",
          errors: [{ field: "file", message: "errors.api.csvMissingField" }],
        });
      const imported = await importer(caller, new Uint8Array(await file.arrayBuffer()), query.data.dryRun, request);
      if (!imported.ok) return problemFromFailure(imported.failure);
      const { errorReport: _report, ...result } = imported.value;
      return Response.json(result);
    },
    { maxBodyBytes: MAX_IMPORT_REQUEST_BYTES },
  );
}

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
