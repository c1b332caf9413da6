import { database } from "@/db/client";
import { affiliationsOf } from "@/db/queries/affiliations";
import { schoolContacts } from "@/db/queries/school-contacts";
import { listTickets } from "@/db/queries/ticket-list";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { resolvePeriod } from "@/lib/domain/dashboard-period";
import { homeBlocks, waitingForRequester } from "@/lib/domain/home";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import { ticketsToApprove } from "../approvals/read-approvals";
import { readEstablishmentDashboard } from "../dashboards/establishment-dashboard";
import { AT_RISK_STATES, queueCounts } from "../desk/queues";

/** How many tickets each list of a home shows; the full lists are one link away. */
const HOME_LIST = 8;

/** The school side of a home: the caller's open requests (those waiting for approval too, and resolved ones to confirm), what waits for them, the school's incidents and contacts. */
async function portalHome(caller: Caller, now: Date) {
  const db = database();
  const scope = ticketScope(caller, now);
  const [mine, incidents, contacts] = await Promise.all([
    listTickets(db, {
      scope,
      requesterId: caller.id,
      statuses: ["awaiting_approval", ...OPEN_STATUSES, "resolved"],
      sort: "due_asc",
      limit: HOME_LIST,
    }),
    listTickets(db, { scope, type: "incident", statuses: OPEN_STATUSES, sort: "priority", limit: HOME_LIST }),
    schoolContacts(db, caller.establishmentIds),
  ]);
  // The caller is no contact of their own.
  const others = { ...contacts, staff: contacts.staff.filter((person) => person.id !== caller.id) };
  return { mine: mine.items, waiting: waitingForRequester(mine.items), incidents: incidents.items, contacts: others };
}

/** The desk side: the caller's queue counts and the tickets at risk within their scope, soonest deadline first. */
async function deskHome(caller: Caller, now: Date) {
  const [counts, atRisk] = await Promise.all([
    queueCounts(caller),
    listTickets(database(), {
      scope: ticketScope(caller, now),
      slaStates: AT_RISK_STATES,
      statuses: OPEN_STATUSES,
      sort: "due_asc",
      limit: HOME_LIST,
    }),
  ]);
  return counts && { counts, atRisk: atRisk.items };
}

/** A head's schools, each with its dashboard over the last 30 days (the figures the home sums up). */
async function schoolDashboards(caller: Caller, now: Date) {
  const { establishments } = await affiliationsOf(database(), caller);
  const resolved = resolvePeriod({ kind: "30d" }, parisDay(now));
  if (!resolved.ok) return [];
  const dashboards = await Promise.all(
    establishments.map((school) => readEstablishmentDashboard(caller, school.uai, resolved.period, now)),
  );
  return dashboards.flatMap((result) => (result.ok ? [result.value] : []));
}

/** What the caller's home shows, each block read only for the callers it is for (lib/domain/home.ts). */
export async function readHome(caller: Caller, now: Date) {
  const blocks = homeBlocks(caller);
  const [portal, desk, dashboards, toApprove] = await Promise.all([
    blocks.portal ? portalHome(caller, now) : null,
    blocks.desk ? deskHome(caller, now) : null,
    blocks.schoolDashboard ? schoolDashboards(caller, now) : [],
    blocks.approvals ? ticketsToApprove(caller) : [],
  ]);
  return { shortcuts: blocks.shortcuts, portal, desk, dashboards, toApprove };
}

export type Home = Awaited<ReturnType<typeof readHome>>;
