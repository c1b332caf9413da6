import { LIST_FILTER_KEYS, listCisQuery, type ListCisQuery } from "@/lib/schemas/cis";

/** A page's query string → the list's filters; a tampered one falls back to the first, unfiltered page, with its problems to show. */
export function parseListParams(raw: Record<string, string | string[] | undefined>) {
  const values = Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  const parsed = listCisQuery.safeParse(values);
  const query: ListCisQuery = parsed.success ? parsed.data : listCisQuery.parse({});
  const filters = new URLSearchParams(LIST_FILTER_KEYS.flatMap((key) => (values[key] ? [[key, values[key]!]] : [])));
  return { values, query, filters, problems: parsed.success ? [] : parsed.error.issues.map((issue) => issue.message) };
}
