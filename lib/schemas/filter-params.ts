import type { z } from "zod";
import { fieldErrors } from "./field-errors";

/**
 * A list page's query string → its filters: blank fields (a GET form sends them) count as absent; a tampered
 * query falls back to the first, unfiltered page, with its problems to show (message keys, see field-errors.ts). `filters` is what a "next page"
 * link or an export carries on.
 */
export function parseFilterParams<Schema extends z.ZodType>(
  schema: Schema,
  filterKeys: readonly string[],
  raw: Record<string, string | string[] | undefined>,
) {
  const values = Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = schema.safeParse(values);
  const query: z.infer<Schema> = parsed.success ? parsed.data : schema.parse({});
  const filters = new URLSearchParams(filterKeys.flatMap((key) => (values[key] ? [[key, values[key]!]] : [])));
  return { values, query, filters, problems: parsed.success ? [] : fieldErrors(parsed.error) };
}
