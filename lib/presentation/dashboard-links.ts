import type { Caller } from "../domain/caller";
import type { DashboardLinks } from "./dashboard-tables";
import type { Period } from "../domain/dashboard-period";
import { can } from "../domain/permissions";

/** Where a dashboard's numbers lead. Pure: addresses only. */

export const DASHBOARDS = "/tableaux-de-bord";

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return search.size ? `?${search}` : "";
};

/** The period as the pages' query string keeps it: the preset, or the custom range. */
export function periodParams(period: Period): Record<string, string> {
  return period.kind === "custom"
    ? { period: "custom", from: period.from, to: period.to }
    : period.kind === "90d"
      ? {}
      : { period: period.kind };
}

export const schoolDashboardHref = (uai: string, period?: Period) =>
  `${DASHBOARDS}/etablissements/${uai}${query(period ? periodParams(period) : {})}`;
export const regionalHref = (zone: string | null, period?: Period, extra: Record<string, string> = {}) =>
  `${DASHBOARDS}/region${query({ zone: zone ?? undefined, ...(period ? periodParams(period) : {}), ...extra })}`;
export const drillHref = (scope: { establishment?: string; zone?: string }, filters: Record<string, string>) =>
  `${DASHBOARDS}/tickets${query({ ...scope, ...filters })}`;
export const reportHref = (scope: { establishment?: string; zone?: string }, year?: string) =>
  `${DASHBOARDS}/rapport${query({ ...scope, year })}`;
export const csvHref = (view: "establishment" | "zone", key: string, table: string, period: Period) =>
  `${DASHBOARDS}/csv/${table}${query({ [view === "establishment" ? "establishment" : "zone"]: key, from: period.from, to: period.to })}`;

/**
 * Where a page offering other schools leads this reader: the regional view for those who may read it
 * (sector leads, the service lead, admins), else the dashboards' home, which opens a head's own school.
 */
export const schoolsHref = (caller: Pick<Caller, "role">) => (can(caller, "dashboards.regional") ? regionalHref(null) : DASHBOARDS);

/** The links of a school's or a zone's dashboard for this reader: the desk's ticket page for staff, the portal's for the school. */
export function dashboardLinks(
  caller: Pick<Caller, "role">,
  scope: { establishment?: string; zone?: string },
  period: Period,
): DashboardLinks {
  const staff = can(caller, "desk.use");
  const inventory = can(caller, "cmdb.read");
  return {
    drill: (filters) => drillHref(scope, filters),
    ticket: (reference) => (staff ? `/bureau/tickets/${reference}` : `/demandes/${reference}`),
    inventory: (filters) => (inventory ? `/inventaire${query({ ...scope, ...filters })}` : null),
    ci: (id) => (inventory ? `/inventaire/equipements/${id}` : null),
    school: (uai) => schoolDashboardHref(uai, period),
  };
}
