import { database } from "@/db/client";
import { listVendorsForAdmin, listZonesForAdmin } from "@/db/queries/organisation";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";

/** Vendors with their contract reference and contact, for the admins' page; null for anyone else. */
export function vendorsForAdmin(caller: Caller) {
  return can(caller, "organisation.manage") ? listVendorsForAdmin(database()) : null;
}

/** Zones with their départements, for the admins' page; null for anyone else. */
export function zonesForAdmin(caller: Caller) {
  return can(caller, "organisation.manage") ? listZonesForAdmin(database()) : null;
}
