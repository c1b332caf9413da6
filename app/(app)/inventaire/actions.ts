"use server";

import { formAction } from "@/lib/auth/form-action";
import { requestTranslator } from "@/lib/auth/request-translator";
import type { ImportDone } from "@/components/import/import-form";
import { bulkStatusForm, ciEditFormSchema, ciFormSchema } from "@/lib/schemas/cis";
import { importForm, readImportForm } from "@/lib/schemas/csv-import";
import type { FormValues } from "@/lib/schemas/form-state";
import { importCis } from "@/lib/services/cmdb/import-cis";
import { bulkSetStatus, createCi, updateCi } from "@/lib/services/cmdb/save-ci";

/** The inventory's forms: bulk status, create and edit an item, import a file. */

export const setStatusOfSelection = formAction(
  bulkStatusForm,
  (input, caller, _form, now) => bulkSetStatus(caller, input.ids, input.status, now),
  {
    revalidate: () => ["/inventaire"],
    notFound: "cmdb.gone.items",
  },
);

/** Software checkboxes arrive as `software` ids with `softwareVersion.<id>` beside them. */
function withSoftware(form: FormData, values: FormValues) {
  const { software: _ids, ...rest } = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("softwareVersion.")));
  if (!form.has("softwareListed")) return rest;
  const ids = form.getAll("software").filter((id): id is string => typeof id === "string");
  return { ...rest, software: ids.map((id) => ({ id, version: String(form.get(`softwareVersion.${id}`) ?? "") })) };
}

export const saveNewCi = formAction(ciFormSchema, (input, caller, _form, now) => createCi(caller, input, "form", now), {
  read: withSoftware,
  redirectTo: (created) => `/inventaire/equipements/${created.id}`,
});

export const saveCiChanges = formAction(
  ciEditFormSchema,
  ({ id, ...patch }, caller, _form, now) => updateCi(caller, id, patch, { source: "form", replaceAttributes: true }, now),
  {
    read: withSoftware,
    notFound: "cmdb.gone.item",
    redirectTo: (_updated, input) => `/inventaire/equipements/${input.id}`,
  },
);

/** A dry run or the import itself, by the button pressed; the result comes back to show row by row. */
export const importInventory = formAction(
  importForm,
  async ({ file, dryRun }, caller, _form, now) =>
    importCis(caller, new Uint8Array(await file.arrayBuffer()), { dryRun, words: await requestTranslator() }, now),
  {
    read: readImportForm,
    done: (outcome, { dryRun }): ImportDone => ({
      status: "ok",
      result: {
        ...outcome,
        rows: outcome.rows.map(({ ciId, ...row }) => ({ ...row, href: ciId && !dryRun ? `/inventaire/equipements/${ciId}` : null })),
      },
    }),
  },
);
