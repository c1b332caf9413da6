import { database } from "@/db/client";
import { listCis, type CiCursor, type CiListFilters } from "@/db/queries/ci-list";
import type { Caller } from "@/lib/domain/caller";
import { ciReadScope } from "@/lib/domain/ci-access";
import { DEFAULT_RENEWAL_AGE_YEARS } from "@/lib/domain/ci-lifecycle";
import type { ListCisQuery } from "@/lib/schemas/cis";
import { parisDay } from "@/lib/domain/business-calendar";
import { ciView } from "./ci-view";

/** A list's filters as the query string gave them, turned into the query's. */
export function listFilters(query: Omit<ListCisQuery, "cursor" | "limit">, now: Date): Omit<CiListFilters, "scope" | "after" | "limit"> {
  const { establishment, zone, renewalAge, ...rest } = query;
  return {
    ...rest,
    establishmentUai: establishment,
    zoneCode: zone,
    today: parisDay(now),
    renewalAgeYears: renewalAge ?? DEFAULT_RENEWAL_AGE_YEARS,
  };
}

/**
 * Inventory visible to the caller (every school's for the Région's and Académie's staff, their own
 * for school staff), one keyset page by name, each item with its computed lifecycle.
 */
export async function listVisibleCis(caller: Caller, query: ListCisQuery, now: Date) {
  const filters = listFilters(query, now);
  const page = await listCis(database(), {
    ...filters,
    scope: ciReadScope(caller),
    after: query.cursor as CiCursor | undefined,
    limit: query.limit,
  });
  return { items: page.items.map((row) => ciView(row, filters.today, filters.renewalAgeYears)), next: page.next };
}
