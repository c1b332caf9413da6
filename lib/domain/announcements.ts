/**
 * Announcements of known incidents and planned works (issue 16): whom they concern and where they stand in time.
 * Pure: the scope is plain codes and the clock is an argument.
 */
export const ANNOUNCEMENT_KINDS = ["outage", "planned"] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/** Each list empty means everyone: no zone listed concerns every zone, and so on. */
export type AnnouncementScope = { zones: readonly string[]; establishments: readonly string[]; services: readonly string[] };

export type SchoolPlace = { uai: string; zoneCode: string };

/**
 * Whether an announcement concerns a school: listed by its UAI, or in a listed zone; no school and no zone listed means
 * every school. Zones and schools add up (zone Ouest and one school of the Est reach both).
 */
export function concernsSchool(scope: AnnouncementScope, school: SchoolPlace): boolean {
  if (scope.zones.length === 0 && scope.establishments.length === 0) return true;
  return scope.zones.includes(school.zoneCode) || scope.establishments.includes(school.uai);
}

/** Whether an announcement concerns a service of the catalogue (no service listed: every service). */
export function concernsService(scope: AnnouncementScope, serviceCode: string): boolean {
  return scope.services.length === 0 || scope.services.includes(serviceCode);
}

export type AnnouncementPhase = "planned" | "current" | "ended";

/** Planned before it starts, current from its start until its end (excluded), ended after. */
export function announcementPhase(period: { startsAt: Date; endsAt: Date }, now: Date): AnnouncementPhase {
  if (now.getTime() < period.startsAt.getTime()) return "planned";
  if (now.getTime() < period.endsAt.getTime()) return "current";
  return "ended";
}

/** The schools whose staff are told of an announcement, among the given ones. */
export function concernedSchools<School extends SchoolPlace>(scope: AnnouncementScope, schools: readonly School[]): School[] {
  return schools.filter((school) => concernsSchool(scope, school));
}

/**
 * Resolving a major incident ends the announcement it backs now, unless it already ended; one not yet started ends
 * at its start (it never was on).
 */
export function endOnResolution(period: { startsAt: Date; endsAt: Date }, now: Date): Date {
  if (now.getTime() < period.startsAt.getTime()) return period.startsAt;
  return period.endsAt.getTime() > now.getTime() ? now : period.endsAt;
}
