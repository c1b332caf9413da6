import { z } from "zod";

/** `?dryRun=true|false` of every CSV import route (inventory, accounts): a dry run unless told otherwise. */
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "cmdb.errors.dryRun" })
    .default("true")
    .transform((value) => value === "true"),
});

/** Every CSV import page's form: a file, checked (dry run: nothing written) or applied by the button pressed. */
export const importForm = z
  .object({
    file: z.instanceof(File, { error: "forms.csv.chooseFile" }).refine((file) => file.size > 0, "forms.csv.chooseFile"),
    mode: z.enum(["dry-run", "apply"]).catch("dry-run"),
  })
  .transform(({ file, mode }) => ({ file, dryRun: mode !== "apply" }));

/** What {@link importForm} parses: the file entry, which a form's text values leave out, and the button pressed. */
export const readImportForm = (form: FormData) => ({ file: form.get("file"), mode: form.get("mode") });
