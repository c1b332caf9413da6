import { TICKET_SORTS } from "@/db/queries/ticket-list";
import type { Actor, Scenario, ScenarioSetup } from "./scenario";

/**
 * Issue 19: every list the API and the pages offer, each sort, page 1 and page 200 (keyset cursors: page 200
 * should cost what page 1 costs), and the lookup of one ticket. The pages call the same services as the API
 * (the desk's queues, the requester's "Mes demandes", the admin's ticket list, the inventory), so the API
 * stands for both. Run on the one-Région volume and the national one (`--scale national`); `bench/compare.ts`
 * puts the two side by side.
 */
/** The requester of the list scenarios: Lycée Choiseul's CSL (the volume's tickets are filed by each school's staff, her among them). */
export const LIST_ACCOUNTS = { requester: "csl.choiseul@guichet.test" } as const;

const TICKETS = "/api/v1/tickets";
const QUEUES = "/api/v1/queues";
const CIS = "/api/v1/cis";
const OUEST_SCHOOL = "0370037P";
/** The page the issue compares with the first. */
export const DEEP_PAGE = 200;

/**
 * Follows `nextCursor` from `path` until page `page`; the scenario then times that page's request. A list with
 * fewer pages (a school's tickets spread over ten years nationally) is timed at its last page, and says so.
 */
export function pageOf(path: string, actor: Actor, page: number): (setup: ScenarioSetup) => Promise<string> {
  return async (setup) => {
    let current = path;
    for (let n = 1; n < page; n++) {
      const body = (await setup.get(current, actor)) as { nextCursor?: string | null };
      if (!body.nextCursor) {
        console.log(`[bench] ${path} has ${n} page(s): timing page ${n} instead of ${page}`);
        return current;
      }
      const url = new URL(path, "http://bench");
      url.searchParams.set("cursor", body.nextCursor);
      current = `${url.pathname}${url.search}`;
    }
    return current;
  };
}

/** The same list at page 1 and at page 200. */
function bothPages(name: string, actor: Actor, path: string): Scenario[] {
  return [
    { name: `${name}, page 1`, actor, path: () => path },
    { name: `${name}, page ${DEEP_PAGE}`, actor, path: pageOf(path, actor, DEEP_PAGE) },
  ];
}

const withSort = (path: string, sort: string) => `${path}${path.includes("?") ? "&" : "?"}sort=${sort}`;

/** A ticket of the middle of the volume, looked up by its reference (the ticket page and GET /api/v1/tickets/{reference}). */
async function lookup(setup: ScenarioSetup): Promise<string> {
  const [row] = await setup.query<{ reference: string }>(
    `SELECT reference FROM tickets WHERE establishment_id = (SELECT id FROM establishments WHERE uai = $1)
     ORDER BY created_at DESC OFFSET 500 LIMIT 1`,
    [OUEST_SCHOOL],
  );
  if (!row) throw new Error(`no ticket at ${OUEST_SCHOOL}`);
  return `${TICKETS}/${row.reference}`;
}

export const LIST_SCENARIOS: Scenario[] = [
  // The admin's list over every school, newest first (issue 19's 301 ms at p95), and its filters.
  ...bothPages("tickets: admin, newest first, limit=50", "admin", `${TICKETS}?limit=50`),
  { name: "tickets: admin, status=new", actor: "admin", path: () => `${TICKETS}?status=new` },
  { name: "tickets: admin, status=closed", actor: "admin", path: () => `${TICKETS}?status=closed` },
  { name: `tickets: admin, establishment=${OUEST_SCHOOL}`, actor: "admin", path: () => `${TICKETS}?establishment=${OUEST_SCHOOL}` },
  { name: "tickets: admin, service=IMPRESSION", actor: "admin", path: () => `${TICKETS}?service=IMPRESSION` },
  { name: "tickets: admin, q=imprimante", actor: "admin", path: () => `${TICKETS}?q=imprimante` },
  // A technician sees his teams' and zones' tickets; a requester her school's; "mine" what she filed.
  ...bothPages("tickets: technician (his teams and zone)", "technician", TICKETS),
  ...bothPages("tickets: requester (her school)", "requester", TICKETS),
  { name: "tickets: requester, mine=true", actor: "requester", path: () => `${TICKETS}?mine=true` },
  { name: "tickets: lookup by reference", actor: "admin", path: lookup, target: 50 },
  // Every sort of a team queue, page 1 and 200: the open queue (page 1) and its history, long enough for 200 pages.
  ...TICKET_SORTS.map((sort) => ({
    name: `queue PROX-OUEST (open), sort=${sort}`,
    actor: "technician" as const,
    path: () => withSort(`${QUEUES}/PROX-OUEST`, sort),
  })),
  ...TICKET_SORTS.flatMap((sort) =>
    bothPages(`queue PROX-OUEST status=closed, sort=${sort}`, "technician", withSort(`${QUEUES}/PROX-OUEST?status=closed`, sort)),
  ),
  ...bothPages("queue unassigned (admin, all schools)", "admin", `${QUEUES}/unassigned`),
  { name: "queue at-risk (technician)", actor: "technician", path: () => `${QUEUES}/at-risk` },
  { name: "queue at-risk (admin, all schools)", actor: "admin", path: () => `${QUEUES}/at-risk` },
  { name: "queue PROX-OUEST, zone=OUEST&status=new", actor: "technician", path: () => `${QUEUES}/PROX-OUEST?zone=OUEST&status=new` },
  // The inventory: by name over every school, page 200, and a school's.
  { name: "cis: all schools, by name, page 200", actor: "technician", path: pageOf(CIS, "technician", DEEP_PAGE) },
  {
    name: `cis: establishment=${OUEST_SCHOOL}, page 20`,
    actor: "technician",
    path: pageOf(`${CIS}?establishment=${OUEST_SCHOOL}`, "technician", 20),
  },
  // The other lists of the API.
  { name: "establishments (admin)", actor: "admin", path: () => "/api/v1/establishments" },
  { name: "users (admin)", actor: "admin", path: () => "/api/v1/users" },
  // The teams by pages of 50 (about 210 nationally, 33 at one Région): page 4 lies past the 2,001 schools' own queues' codes.
  { name: "teams (admin)", actor: "admin", path: () => "/api/v1/teams" },
  { name: "teams (admin), page 4", actor: "admin", path: pageOf("/api/v1/teams", "admin", 4) },
  { name: "teams (admin), q=prox", actor: "admin", path: () => "/api/v1/teams?q=prox" },
  // The same page at both volumes, so that their ratio compares equal work: 25 teams, and one team found by its code.
  { name: "teams (admin), limit=25", actor: "admin", path: () => "/api/v1/teams?limit=25" },
  { name: "teams (admin), q=prox-ouest", actor: "admin", path: () => "/api/v1/teams?q=prox-ouest" },
  { name: "audit (admin)", actor: "admin", path: () => "/api/v1/audit" },
  { name: "articles q=imprimante (requester)", actor: "requester", path: () => "/api/v1/articles?q=imprimante" },
  { name: "me/notifications (technician)", actor: "technician", path: () => "/api/v1/me/notifications" },
];
