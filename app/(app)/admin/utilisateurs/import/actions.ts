"use server";

import { headers } from "next/headers";
import type { ImportFormState } from "@/components/import/import-form";
import { runImportForm } from "@/lib/auth/import-action";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { auditActor } from "@/lib/services/audit/audit-actor";

/** A dry run or the import of a directory export, by the button pressed (see runImportForm). */
export async function importAccountsForm(_previous: ImportFormState, form: FormData): Promise<ImportFormState> {
  const requestHeaders = await headers();
  return runImportForm(form, (caller, bytes, dryRun) => importAccounts(caller, bytes, { dryRun }, new Date(), auditActor(requestHeaders, caller)),
    ({ email, userId: _user, ...row }) => ({ ...row, name: email, href: null }));
}
