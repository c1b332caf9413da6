import type { ImportFormRow, ImportFormState } from "@/components/import/import-form";
import type { Caller } from "@/lib/domain/caller";
import type { ImportOutcome } from "@/lib/services/csv/csv-import";
import type { ServiceResult } from "@/lib/services/service-result";
import { pageCaller } from "./current-caller";
import { refusedForm } from "./refusal";
import { requestTranslator } from "./request-translator";

/**
 * The server action of a CSV import page: the chosen file, a dry run or the import itself by the button
 * pressed, the result back to show row by row (each row as the form shows it), refusals in the reader's words.
 */
export async function runImportForm<Row>(
  form: FormData,
  run: (caller: Caller, bytes: Uint8Array, dryRun: boolean) => Promise<ServiceResult<ImportOutcome<Row>>>,
  view: (row: Row, dryRun: boolean) => ImportFormRow,
): Promise<ImportFormState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    const chooseFile = (await requestTranslator())("forms.csv.chooseFile");
    return { status: "error", kind: "invalid", message: chooseFile, fields: { file: [chooseFile] } };
  }
  const dryRun = form.get("mode") !== "apply";
  const caller = await pageCaller();
  const imported = await run(caller, new Uint8Array(await file.arrayBuffer()), dryRun);
  if (!imported.ok) return refusedForm(imported.failure, caller);
  return { status: "ok", result: { ...imported.value, rows: imported.value.rows.map((row) => view(row, dryRun)) } };
}
