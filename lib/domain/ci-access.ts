import type { Caller } from "./caller";
import { can } from "./permissions";

/**
 * Whose inventory a caller reads and keeps. School staff read their own schools' items and write
 * nothing; the Région's and Académie's staff read every school's. Seed 003 makes the school's referent
 * on-site technician responsible for keeping its inventory: technicians and sector leads write the
 * schools of their zones, the service lead and admins every school; Académie and vendor agents none.
 */
export type CiReadScope = { kind: "all" } | { kind: "establishments"; ids: string[] };
export type CiWriteScope = { kind: "all" } | { kind: "zones"; ids: string[] } | { kind: "none" };

export function ciReadScope(caller: Caller): CiReadScope {
  if (can(caller, "cmdb.read_all")) return { kind: "all" };
  return { kind: "establishments", ids: can(caller, "cmdb.read") ? caller.establishmentIds : [] };
}

export function ciWriteScope(caller: Caller): CiWriteScope {
  if (can(caller, "cmdb.write_all")) return { kind: "all" };
  if (can(caller, "cmdb.write_zone") && caller.zoneIds.length) return { kind: "zones", ids: caller.zoneIds };
  return { kind: "none" };
}

/** The school of an item, as the access rules need it. */
export type CiSchool = { establishmentId: string; zoneId: string };

export function canReadCisOf(caller: Caller, school: CiSchool): boolean {
  const scope = ciReadScope(caller);
  return scope.kind === "all" || scope.ids.includes(school.establishmentId);
}

export function canWriteCisOf(caller: Caller, school: CiSchool): boolean {
  const scope = ciWriteScope(caller);
  return scope.kind === "all" || (scope.kind === "zones" && scope.ids.includes(school.zoneId));
}

/** Whether the caller keeps any inventory at all (shows the create, import and bulk controls). */
export function keepsInventory(caller: Caller): boolean {
  return ciWriteScope(caller).kind !== "none";
}
