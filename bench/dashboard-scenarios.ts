import type { Scenario } from "./scenario";

/**
 * GET /api/v1/dashboards/…: the figures behind the dashboard pages (the pages call the same services),
 * for one school, one zone and every zone, over 30 days, 90 days (the default) and the school year so far,
 * and a whole past school year (the annual report). Issue target: p95 under 300 ms on 250,000 tickets and
 * 100,000 configuration items.
 */
export const DASHBOARD_TARGET_P95_MS = 300;

/** The school head and the sector lead of the demo (Lycée Choiseul, zone Ouest). */
export const DASHBOARD_ACCOUNTS = { manager: "proviseur.choiseul@guichet.test", sectorLead: "chef.ouest@guichet.test" } as const;

const SCHOOL = "/api/v1/dashboards/establishments/0370037P";
const ZONE = "/api/v1/dashboards/zones";

/** The last `days` days, ending today in Paris. */
function lastDays(days: number): string {
  const today = new Date(new Date().toLocaleString("en-US", { timeZone: "Europe/Paris" }));
  const from = new Date(today.getTime() - (days - 1) * 86_400_000);
  return `from=${from.toISOString().slice(0, 10)}`;
}

function schoolYearSoFar(): string {
  const today = new Date();
  const start = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `from=${start}-09-01`;
}

function lastSchoolYear(): string {
  const today = new Date();
  const start = (today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1) - 1;
  return `from=${start}-09-01&to=${start + 1}-08-31`;
}

const target = DASHBOARD_TARGET_P95_MS;
export const DASHBOARD_SCENARIOS: Scenario[] = [
  { name: "dashboard: school (head), 90 days", actor: "manager", path: () => SCHOOL, target },
  { name: "dashboard: school (head), 30 days", actor: "manager", path: () => `${SCHOOL}?${lastDays(30)}`, target },
  { name: "dashboard: school (head), school year so far", actor: "manager", path: () => `${SCHOOL}?${schoolYearSoFar()}`, target },
  { name: "dashboard: school, last school year (annual report)", actor: "admin", path: () => `${SCHOOL}?${lastSchoolYear()}`, target },
  { name: "dashboard: zone OUEST (sector lead), 90 days", actor: "sectorLead", path: () => `${ZONE}/OUEST`, target },
  {
    name: "dashboard: zone OUEST (sector lead), school year so far",
    actor: "sectorLead",
    path: () => `${ZONE}/OUEST?${schoolYearSoFar()}`,
    target,
  },
  {
    name: "dashboard: zone OUEST, last school year (annual report)",
    actor: "admin",
    path: () => `${ZONE}/OUEST?${lastSchoolYear()}`,
    target,
  },
  { name: "dashboard: zone EST (admin), 90 days", actor: "admin", path: () => `${ZONE}/EST`, target },
];
