import { z } from "zod";

/** The answer of a CSV import (inventory, accounts): how the file was read, the counts, then each row as the import describes it. */
export function importResultSchema<Row extends z.ZodObject>(row: Row) {
  return z.object({
    dryRun: z.boolean(),
    encoding: z.enum(["utf-8", "windows-1252"]),
    delimiter: z.string(),
    ignoredColumns: z.array(z.string()),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
    rows: z.array(
      row.extend({
        line: z.number().int(),
        action: z.enum(["create", "update", "unchanged", "reject"]),
        uai: z.string(),
        changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
        reasons: z.array(z.string()),
      }),
    ),
  });
}

export const accountImportResultSchema = importResultSchema(
  z.object({
    email: z.string().meta({ description: "L'e-mail lu (en minuscules)" }),
    userId: z.uuid().nullable().meta({ description: "Le compte (après import : aussi celui créé)" }),
  }),
).meta({ id: "AccountImportResult" });
