"use server";

import type { ImportDone } from "@/components/import/import-form";
import { formAction } from "@/lib/auth/form-action";
import { requestTranslator } from "@/lib/auth/request-translator";
import { importForm, readImportForm } from "@/lib/schemas/csv-import";
import { importAccounts } from "@/lib/services/accounts/import-accounts";

/** A dry run or the import of a directory export, by the button pressed; the result comes back to show row by row. */
export const importAccountsForm = formAction(
  importForm,
  async ({ file, dryRun }, caller, _form, now, actor) =>
    importAccounts(caller, new Uint8Array(await file.arrayBuffer()), { dryRun, words: await requestTranslator() }, now, actor),
  {
    read: readImportForm,
    done: (outcome): ImportDone => ({
      status: "ok",
      result: { ...outcome, rows: outcome.rows.map(({ email, userId: _user, ...row }) => ({ ...row, name: email, href: null })) },
    }),
  },
);
