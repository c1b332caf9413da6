import { LIST_FILTER_KEYS, listCisQuery } from "@/lib/schemas/cis";
import { parseFilterParams } from "@/lib/schemas/filter-params";

/** A page's query string → the inventory's filters (see {@link parseFilterParams}). */
export const parseListParams = (raw: Record<string, string | string[] | undefined>) =>
  parseFilterParams(listCisQuery, LIST_FILTER_KEYS, raw);
