import { database } from "@/db/client";
import { listTickets, type TicketCursor, type TicketSort } from "@/db/queries/ticket-list";
import { openTicketCounts } from "@/db/queries/queue-counts";
import { teamByCode } from "@/db/queries/teams";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ticketScope } from "@/lib/domain/ticket-visibility";
import type { Priority, TicketStatus } from "@/lib/domain/vocabulary";
import { fail, succeed, type ServiceResult } from "../service-result";

/** A queue: the caller's own tickets, the unassigned ones they may take, those at risk of missing their SLA, or one team's. */
export type QueueKey = "mine" | "unassigned" | "at-risk" | { teamCode: string };

/** What the at-risk queue holds: tickets whose stored SLA state is at risk (75 % of a commitment used) or breached. */
export const AT_RISK_STATES = ["at_risk", "breached"] as const;

export type QueueFilters = {
  status?: TicketStatus;
  priority?: Priority;
  establishmentUai?: string;
  zoneCode?: string;
  serviceCode?: string;
  ciId?: string;
  q?: string;
  sort?: TicketSort;
  after?: TicketCursor;
  limit: number;
};

const notForSchools = () => fail<never>({ kind: "forbidden", message: "desk.errors.deskForbidden" });

/** One page of a queue, within what the caller may see; open tickets unless a status is asked for. */
export async function listQueue(
  caller: Caller,
  key: QueueKey,
  filters: QueueFilters,
): Promise<ServiceResult<Awaited<ReturnType<typeof listTickets>>>> {
  if (!can(caller, "desk.use")) return notForSchools();
  const db = database();
  let teamId: string | undefined;
  let waitingForTeamId: string | undefined;
  if (typeof key === "object") {
    const team = await teamByCode(db, key.teamCode);
    if (!team) return fail({ kind: "not_found" });
    // A vendor's queue holds no ticket: it lists those waiting for the vendor (escalated to it, wait under way).
    if (team.party === "vendor") waitingForTeamId = team.id;
    else teamId = team.id;
  }
  const { status, sort, ...rest } = filters;
  return succeed(
    await listTickets(db, {
      ...rest,
      sort: sort ?? (key === "at-risk" ? "due_asc" : "created_desc"),
      scope: ticketScope(caller, new Date()),
      teamId,
      waitingForTeamId,
      slaStates: key === "at-risk" ? AT_RISK_STATES : undefined,
      assignee: key === "mine" ? caller.id : key === "unassigned" ? "none" : undefined,
      ...(status ? { status } : { statuses: OPEN_STATUSES }),
    }),
  );
}

/** Open tickets per queue of the caller: theirs, unassigned within their scope, at risk within their scope, and each of their teams. */
export async function queueCounts(caller: Caller) {
  if (!can(caller, "desk.use")) return null;
  return openTicketCounts(database(), {
    userId: caller.id,
    scope: ticketScope(caller, new Date()),
    teamIds: caller.teamIds,
    atRiskStates: AT_RISK_STATES,
  });
}
