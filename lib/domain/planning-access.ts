import type { Caller } from "./caller";

/** The technician whose planning is looked at: their role and the zones of their teams. */
export type PlanningOwner = { id: string; role: Caller["role"]; zoneIds: readonly string[] };

/** People who have a planning of their own: the on-site technicians (and a sector lead who goes on site). */
export const PLANNED_ROLES: readonly Caller["role"][] = ["technician", "sector_lead"];

/**
 * Who reads and edits a technician's planning (default week, exceptions, absences): the technician,
 * the sector lead of one of their teams' zones, an admin. Anyone else is told nothing exists.
 */
export function canManagePlanningOf(caller: Pick<Caller, "id" | "role" | "zoneId">, owner: PlanningOwner): boolean {
  if (!PLANNED_ROLES.includes(owner.role)) return false;
  if (caller.role === "admin") return true;
  if (caller.id === owner.id) return true;
  return caller.role === "sector_lead" && caller.zoneId !== null && owner.zoneIds.includes(caller.zoneId);
}

/** Who sets a school's referent and backup: the sector lead of the school's zone, or an admin. */
export function canSetReferentsOf(caller: Pick<Caller, "role" | "zoneId">, school: { zoneId: string }): boolean {
  if (caller.role === "admin") return true;
  return caller.role === "sector_lead" && caller.zoneId === school.zoneId;
}

/** A referent or backup must be an active technician of one of the school's zone's teams. */
export function canBeReferentOf(
  person: { role: Caller["role"]; disabled: boolean; zoneIds: readonly string[] },
  school: { zoneId: string },
): boolean {
  return person.role === "technician" && !person.disabled && person.zoneIds.includes(school.zoneId);
}
