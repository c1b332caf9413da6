import type { TextValues } from "@/i18n/text";
import { database } from "@/db/client";
import { allEstablishments, allZones } from "@/db/queries/dashboard-scope";
import type { Caller } from "@/lib/domain/caller";
import { establishmentDashboardAccess, visibleZoneIds, zoneDashboardAccess, type DashboardAccess } from "@/lib/domain/dashboard-access";
import { parisDay } from "@/lib/domain/business-calendar";
import { customPeriod, resolvePeriod, type Period, type PeriodKind } from "@/lib/domain/dashboard-period";
import { fail, succeed, type ServiceResult } from "@/lib/services/service-result";

/** The period as a page's query string gives it (lib/schemas/dashboards.ts dashboardPageQuery). */
export type PageQueryPeriod = { period?: PeriodKind; from?: string; to?: string };

export type School = Awaited<ReturnType<typeof allEstablishments>>[number];
export type Zone = Awaited<ReturnType<typeof allZones>>[number];

/** The refusal for an access that is not "allowed". */
export function refusal(access: Exclude<DashboardAccess, "allowed">) {
  return access === "forbidden"
    ? fail<never>({ kind: "forbidden", message: "dashboards.errors.forbidden" })
    : fail<never>({ kind: "not_found" });
}

/** A school by its UAI, if the caller may read its dashboard. */
export async function dashboardSchool(caller: Caller, uai: string): Promise<ServiceResult<School>> {
  const schools = await allEstablishments(database());
  const school = schools.find((candidate) => candidate.uai === uai.toUpperCase());
  // An unknown UAI answers like a school out of scope, after the role check: 403 first for those who may read none.
  const access = school ? establishmentDashboardAccess(caller, school) : establishmentDashboardAccess(caller, { id: "", zoneId: "" });
  if (access !== "allowed") return refusal(access);
  return school ? succeed(school) : fail({ kind: "not_found" });
}

/** The schools whose dashboards the caller may read, by name. */
export async function readableSchools(caller: Caller): Promise<School[]> {
  const schools = await allEstablishments(database());
  return schools.filter((school) => establishmentDashboardAccess(caller, school) === "allowed");
}

/** A zone by its code, or the whole Région (null), if the caller may read it; with its schools. */
export async function dashboardZone(
  caller: Caller,
  code: string | null,
): Promise<ServiceResult<{ zone: Zone | null; zones: Zone[]; schools: School[] }>> {
  const db = database();
  const [zones, schools] = await Promise.all([allZones(db), allEstablishments(db)]);
  if (code === null) {
    const visible = new Set(
      visibleZoneIds(
        caller,
        zones.map((zone) => zone.id),
      ),
    );
    if (visible.size === 0) return refusal(zoneDashboardAccess(caller, { id: "" }) === "forbidden" ? "forbidden" : "not_found");
    // A sector lead's "Région" is their zone(s).
    return succeed({
      zone: null,
      zones: zones.filter((zone) => visible.has(zone.id)),
      schools: schools.filter((school) => visible.has(school.zoneId)),
    });
  }
  const zone = zones.find((candidate) => candidate.code === code.toUpperCase());
  const access = zoneDashboardAccess(caller, { id: zone?.id ?? "" });
  if (access !== "allowed") return refusal(access);
  if (!zone) return fail({ kind: "not_found" });
  return succeed({ zone, zones: [zone], schools: schools.filter((school) => school.zoneId === zone.id) });
}

/**
 * The period asked for on a page: a preset (its dates, which the form sends along, are then ignored),
 * or a custom range (`period=custom`, or dates without a preset).
 */
export function pagePeriod(query: PageQueryPeriod, now: Date): ServiceResult<Period> {
  const today = parisDay(now);
  const custom = query.period === "custom" || (query.period === undefined && (query.from !== undefined || query.to !== undefined));
  const resolved = custom
    ? resolvePeriod({ kind: "custom", from: query.from, to: query.to }, today)
    : resolvePeriod({ kind: query.period }, today);
  return resolved.ok
    ? succeed(resolved.period)
    : fail({
        kind: "invalid",
        message: resolved.message,
        values: resolved.values,
        errors: [{ field: "period", message: resolved.message, values: resolved.values }],
      });
}

/** The period of the API's from/to. */
export function apiPeriod(from: string | undefined, to: string | undefined, now: Date): ServiceResult<Period> {
  const resolved = customPeriod(from, to, parisDay(now));
  return resolved.ok
    ? succeed(resolved.period)
    : fail({
        kind: "invalid",
        message: resolved.message,
        values: resolved.values,
        errors: [{ field: /\.from/.test(resolved.message) ? "from" : "to", message: resolved.message, values: resolved.values }],
      });
}

/** The page's period, or the default one (90 days) with the reason the asked one was refused. */
export function pagePeriodOrDefault(
  query: PageQueryPeriod,
  now: Date,
): { period: Period; error: { message: string; values?: TextValues } | null } {
  const asked = pagePeriod(query, now);
  if (asked.ok) return { period: asked.value, error: null };
  const fallback = resolvePeriod({}, parisDay(now));
  if (!fallback.ok) throw new Error("the default period cannot be refused");
  return {
    period: fallback.period,
    error: asked.failure.kind === "invalid" ? { message: asked.failure.message, values: asked.failure.values } : { message: "" },
  };
}
