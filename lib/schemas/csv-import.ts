import { z } from "zod";

/** `?dryRun=true|false` of every CSV import route (inventory, accounts): a dry run unless told otherwise. */
export const importQuery = z.object({ dryRun: z.enum(["true", "false"], { error: "dryRun vaut true ou false." }).default("true").transform((value) => value === "true") });

/** Every CSV import page's form: a file, checked (dry run: nothing written) or applied by the button pressed. */
export const importForm = z.object({
  file: z.instanceof(File, { error: "Choisissez un fichier CSV." }).refine((file) => file.size > 0, "Choisissez un fichier CSV."),
  mode: z.enum(["dry-run", "apply"]).catch("dry-run"),
}).transform(({ file, mode }) => ({ file, dryRun: mode !== "apply" }));

/** What {@link importForm} parses: the file entry, which a form's text values leave out, and the button pressed. */
export const readImportForm = (form: FormData) => ({ file: form.get("file"), mode: form.get("mode") });
