import { csvImportRoute } from "@/lib/api/csv-import-route";
import { importCis } from "@/lib/services/cmdb/import-cis";

export const dynamic = "force-dynamic";

/** POST /api/v1/cis/import?dryRun=true|false: an inventory export (see csvImportRoute). */
export const POST = csvImportRoute((caller, bytes, dryRun) => importCis(caller, bytes, { dryRun }, new Date()));
