import type { Caller } from "./caller";
import { can } from "./permissions";

/**
 * Who reads which dashboard (issue 7): a school's head its own schools, a sector lead the schools
 * and the regional view of their zones, the service lead and admins everything. Anyone else is
 * refused outright (403); a reader who may read dashboards but not this one is told it does not
 * exist (404), so a school's figures do not reveal to another school that it is there.
 */
export type DashboardAccess = "allowed" | "forbidden" | "not_found";

export function establishmentDashboardAccess(
  caller: Pick<Caller, "role" | "establishmentIds" | "zoneIds">,
  school: { id: string; zoneId: string },
): DashboardAccess {
  if (!can(caller, "dashboards.establishment")) return "forbidden";
  if (can(caller, "dashboards.all")) return "allowed";
  if (caller.role === "manager") return caller.establishmentIds.includes(school.id) ? "allowed" : "not_found";
  return caller.zoneIds.includes(school.zoneId) ? "allowed" : "not_found";
}

export function zoneDashboardAccess(caller: Pick<Caller, "role" | "zoneIds">, zone: { id: string }): DashboardAccess {
  if (!can(caller, "dashboards.regional")) return "forbidden";
  if (can(caller, "dashboards.all")) return "allowed";
  return caller.zoneIds.includes(zone.id) ? "allowed" : "not_found";
}

/** The zones a regional reader sees: every zone, or theirs. */
export function visibleZoneIds(caller: Pick<Caller, "role" | "zoneIds">, allZoneIds: readonly string[]): string[] {
  if (!can(caller, "dashboards.regional")) return [];
  return can(caller, "dashboards.all") ? [...allZoneIds] : allZoneIds.filter((id) => caller.zoneIds.includes(id));
}
