"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/auth/form-action";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import { formValues, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { bulkStatusForm, ciEditFormSchema, ciFormSchema } from "@/lib/schemas/cis";
import { importCis } from "@/lib/services/cmdb/import-cis";
import type { ImportFormState } from "@/components/cmdb/import-form";
import { bulkSetStatus, createCi, updateCi } from "@/lib/services/cmdb/save-ci";

/** The inventory's forms: bulk status, create and edit an item, import a file. */

export const setStatusOfSelection = formAction(bulkStatusForm, (input, caller, _form, now) => bulkSetStatus(caller, input.ids, input.status, now), {
  revalidate: () => ["/inventaire"], notFound: "Un des équipements cochés est introuvable.",
});

/** Software checkboxes arrive as `software` ids with `softwareVersion.<id>` beside them. */
function withSoftware(form: FormData, values: Record<string, unknown>) {
  const { software: _ids, ...rest } = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("softwareVersion.")));
  if (!form.has("softwareListed")) return rest;
  const ids = form.getAll("software").filter((id): id is string => typeof id === "string");
  return { ...rest, software: ids.map((id) => ({ id, version: String(form.get(`softwareVersion.${id}`) ?? "") })) };
}

export async function saveNewCi(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = ciFormSchema.safeParse(withSoftware(form, values));
  if (!parsed.success) return { ...invalidForm(parsed.error), values };
  const caller = await pageCaller();
  const created = await createCi(caller, parsed.data, "form", new Date());
  if (!created.ok) return { ...(await refusedForm(created.failure, caller)), values };
  redirect(`/inventaire/equipements/${created.value.id}`);
}

export async function saveCiChanges(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const parsed = ciEditFormSchema.safeParse(withSoftware(form, values));
  if (!parsed.success) return { ...invalidForm(parsed.error), values };
  const { id, ...patch } = parsed.data;
  const caller = await pageCaller();
  const updated = await updateCi(caller, id, patch, { source: "form", replaceAttributes: true }, new Date());
  if (!updated.ok) return { ...(await refusedForm(updated.failure, caller, "Cet équipement est introuvable.")), values };
  redirect(`/inventaire/equipements/${id}`);
}

export type ImportState = ImportFormState;

/** A dry run or the import itself, by the button pressed; the result comes back to show row by row. */
export async function importInventory(_previous: ImportState, form: FormData): Promise<ImportState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choisissez un fichier CSV." };
  const dryRun = form.get("mode") !== "apply";
  const caller = await pageCaller();
  const imported = await importCis(caller, new Uint8Array(await file.arrayBuffer()), { dryRun }, new Date());
  if (!imported.ok) return { status: "error", message: (await refusedForm(imported.failure, caller)).message };
  return { status: "ok", result: imported.value };
}
