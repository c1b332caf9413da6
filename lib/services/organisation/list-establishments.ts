import { database } from "@/db/client";
import { listEstablishments, type EstablishmentCursor } from "@/db/queries/establishments";
import { listZones } from "@/db/queries/zones";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";

/** Schools visible to the caller: all for the Région's and Académie's staff, their own for school staff, none otherwise. */
export async function listVisibleEstablishments(
  caller: Caller,
  options: { zoneCode?: string; q?: string; after?: EstablishmentCursor; limit: number },
) {
  const scope = can(caller, "establishments.read_all")
    ? ({ kind: "all" } as const)
    : ({ kind: "ids", ids: can(caller, "establishments.read_own") ? caller.establishmentIds : [] } as const);
  return listEstablishments(database(), { ...options, scope });
}

/** Zones are reference data every signed-in user may read (filters, labels). */
export function listAllZones() {
  return listZones(database());
}
