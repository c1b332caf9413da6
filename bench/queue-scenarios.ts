import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import type { Scenario, ScenarioSetup } from "./scenario";

/** The accounts the queue scenarios sign in as: an on-site technician of the Ouest zone (with tickets of his own) and the admin (scope: everything). */
export const QUEUE_ACCOUNTS = { technician: "tech.ouest@guichet.test", admin: "admin@guichet.test" } as const;

const QUEUES = "/api/v1/queues";
/** Lycée Choiseul, a school of the Ouest zone. */
const OUEST_SCHOOL = "0370037P";

async function secondPage(setup: ScenarioSetup): Promise<string> {
  const first = (await setup.get(`${QUEUES}/PROX-OUEST`, "technician")) as { nextCursor?: string | null };
  if (!first.nextCursor) throw new Error("PROX-OUEST has a single page: no cursor to follow");
  return `${QUEUES}/PROX-OUEST?cursor=${encodeURIComponent(first.nextCursor)}`;
}

/** The equipment most named by PROX-OUEST's open tickets, so the `ci` filter has something to find. */
async function busiestCi(setup: ScenarioSetup): Promise<string> {
  const [row] = await setup.query<{ ci_id: string }>(
    `SELECT tc.ci_id FROM ticket_cis tc JOIN tickets t ON t.id = tc.ticket_id JOIN teams tm ON tm.id = t.assigned_team_id
     WHERE tm.code = 'PROX-OUEST' AND t.status = ANY($1::ticket_status[]) GROUP BY tc.ci_id ORDER BY count(*) DESC, tc.ci_id LIMIT 1`,
    [OPEN_STATUSES],
  );
  if (!row) throw new Error("no open PROX-OUEST ticket names equipment");
  return `${QUEUES}/PROX-OUEST?ci=${row.ci_id}`;
}

/** GET /api/v1/queues/{teamCode|mine|unassigned}: the technicians' queues, as the desk opens them. */
export const QUEUE_SCENARIOS: Scenario[] = [
  { name: "PROX-OUEST, default sort", actor: "technician", path: () => `${QUEUES}/PROX-OUEST` },
  { name: "PROX-OUEST, sort=priority", actor: "technician", path: () => `${QUEUES}/PROX-OUEST?sort=priority` },
  { name: "PROX-OUEST, page 2 (cursor)", actor: "technician", path: secondPage },
  { name: "mine", actor: "technician", path: () => `${QUEUES}/mine` },
  { name: "unassigned", actor: "technician", path: () => `${QUEUES}/unassigned` },
  { name: "PROX-OUEST, priority=P2&service=POSTE", actor: "technician", path: () => `${QUEUES}/PROX-OUEST?priority=P2&service=POSTE` },
  {
    name: `PROX-OUEST, establishment=${OUEST_SCHOOL}`,
    actor: "technician",
    path: () => `${QUEUES}/PROX-OUEST?establishment=${OUEST_SCHOOL}`,
  },
  { name: "PROX-OUEST, q=imprimante", actor: "technician", path: () => `${QUEUES}/PROX-OUEST?q=imprimante` },
  { name: "PROX-OUEST, ci=<busiest CI>", actor: "technician", path: busiestCi },
  { name: "PROX-OUEST, status=closed (history)", actor: "technician", path: () => `${QUEUES}/PROX-OUEST?status=closed` },
  { name: "admin: EQ-E-SD_OPE", actor: "admin", path: () => `${QUEUES}/EQ-E-SD_OPE` },
  { name: "admin: unassigned (all schools)", actor: "admin", path: () => `${QUEUES}/unassigned` },
];
