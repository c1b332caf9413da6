import { database } from "@/db/client";
import { schoolChoices } from "@/db/queries/establishments";
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
  const schools = scope.kind === "all" ? null : await schoolChoices(database(), scope.ids);
  return { schools, zones: scope.kind === "all" ? await listAllZones() : null, keeps: keepsInventory(caller) };
}
