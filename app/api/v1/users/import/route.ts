import { csvImportRoute } from "@/lib/api/csv-import-route";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/users/import?dryRun=true|false: accounts from a directory or ENT export (columns e-mail, nom,
 * prénom, UAI, fonction; see csvImportRoute). Administrators for every school, heads for their own (403 otherwise).
 */
export const POST = csvImportRoute((caller, bytes, dryRun, request) =>
  importAccounts(caller, bytes, { dryRun }, new Date(), auditActor(request.headers, caller)),
);
