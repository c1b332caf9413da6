import { database } from "@/db/client";
import { listCis, type CiCursor } from "@/db/queries/ci-list";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";

/** Inventory visible to the caller: every school's for the Région's and Académie's staff, their own for school staff. */
export function listVisibleCis(
  caller: Caller,
  filters: { establishmentUai?: string; class?: CiClass; status?: CiStatus; q?: string; after?: CiCursor; limit: number },
) {
  const establishmentIds = can(caller, "establishments.read_all") ? "all" : can(caller, "establishments.read_own") ? caller.establishmentIds : [];
  return listCis(database(), { ...filters, establishmentIds });
}
