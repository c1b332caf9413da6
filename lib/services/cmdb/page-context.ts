import { inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { establishments } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { ciReadScope, keepsInventory } from "@/lib/domain/ci-access";
import { can } from "@/lib/domain/permissions";
import { listAllZones } from "../organisation/list-establishments";

/**
 * What the inventory pages need to know about the caller: null when they may not read the inventory;
 * the schools to pick from for school staff (null: any UAI), zones for the Région's staff, whether they keep it.
 */
export async function inventoryContext(caller: Caller) {
  if (!can(caller, "cmdb.read")) return null;
  const scope = ciReadScope(caller);
  const schools = scope.kind === "all" ? null : scope.ids.length
    ? await database().select({ uai: establishments.uai, name: establishments.name }).from(establishments).where(inArray(establishments.id, scope.ids)).orderBy(establishments.name)
    : [];
  return { schools, zones: scope.kind === "all" ? await listAllZones() : null, keeps: keepsInventory(caller) };
}
