import type { Scenario, ScenarioSetup } from "./scenario";

/** GET /api/v1/cis: the inventory list as the pages, the CI picker and API clients ask for it (issue target: p95 under 150 ms with 100,000 items). */
const CIS = "/api/v1/cis";
const OUEST_SCHOOL = "0370037P";

async function secondPage(setup: ScenarioSetup): Promise<string> {
  const first = (await setup.get(CIS, "technician")) as { nextCursor?: string | null };
  if (!first.nextCursor) throw new Error("the inventory has a single page: no cursor to follow");
  return `${CIS}?cursor=${encodeURIComponent(first.nextCursor)}`;
}

/** Six characters from the middle of a real serial number, lower-cased: what a technician types from a sticker. */
async function partialSerial(setup: ScenarioSetup): Promise<string> {
  const [row] = await setup.query<{ part: string }>(
    `SELECT lower(substr(serial_number, 3, 6)) AS part FROM configuration_items WHERE serial_number IS NOT NULL AND length(serial_number) >= 9 ORDER BY id LIMIT 1`,
  );
  if (!row) throw new Error("no serial number to look for");
  return `${CIS}?q=${encodeURIComponent(row.part)}`;
}

export const CMDB_SCENARIOS: Scenario[] = [
  { name: "cis: all schools, by name", actor: "technician", path: () => CIS },
  { name: "cis: all schools, page 2 (cursor)", actor: "technician", path: secondPage },
  { name: `cis: establishment=${OUEST_SCHOOL}`, actor: "technician", path: () => `${CIS}?establishment=${OUEST_SCHOOL}` },
  { name: "cis: zone=OUEST&class=pc", actor: "technician", path: () => `${CIS}?zone=OUEST&class=pc` },
  // Zone Est's schools come last by name (045…): a single scan by name would read the other zones' items first.
  { name: "cis: zone=EST&class=pc", actor: "technician", path: () => `${CIS}?zone=EST&class=pc` },
  { name: "cis: class=server (rare)", actor: "technician", path: () => `${CIS}?class=server` },
  { name: "cis: q=<part of a serial number>", actor: "technician", path: partialSerial },
  { name: "cis: q=optiplex (many matches)", actor: "technician", path: () => `${CIS}?q=optiplex` },
  { name: "cis: q=zz9q (no match)", actor: "technician", path: () => `${CIS}?q=zz9q` },
  { name: "cis: renewal=true (all schools)", actor: "technician", path: () => `${CIS}?renewal=true` },
  {
    name: `cis: establishment=${OUEST_SCHOOL}&renewal=true`,
    actor: "technician",
    path: () => `${CIS}?establishment=${OUEST_SCHOOL}&renewal=true`,
  },
  { name: "cis: zone=EST&status=obsolete", actor: "technician", path: () => `${CIS}?zone=EST&status=obsolete` },
  { name: "cis: class=laptop&warranty=expired, limit=100", actor: "admin", path: () => `${CIS}?class=laptop&warranty=expired&limit=100` },
];
