import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, teams, tickets, vendorAccess } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import type { SlaState } from "@/lib/domain/sla";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import { scopeCondition } from "./ticket-list";

const open = () => inArray(tickets.status, [...OPEN_STATUSES]);

/**
 * Open tickets a user holds, open tickets nobody holds within a scope, open tickets at risk within it, and open
 * tickets per team: those it holds, or for a vendor's queue those waiting for it (as listQueue lists them).
 */
export async function openTicketCounts(
  db: Executor,
  input: { userId: string; scope: TicketScope; teamIds: string[]; atRiskStates: readonly SlaState[] },
) {
  const [[mine], [unassigned], [atRisk], perTeam, waiting] = await Promise.all([
    db
      .select({ count: count() })
      .from(tickets)
      .where(and(open(), eq(tickets.assigneeId, input.userId))),
    db
      .select({ count: count() })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(open(), isNull(tickets.assigneeId), scopeCondition(input.scope))),
    db
      .select({ count: count() })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(open(), inArray(tickets.slaState, [...input.atRiskStates]), scopeCondition(input.scope))),
    input.teamIds.length
      ? db
          .select({ id: teams.id, code: teams.code, name: teams.name, party: teams.party, count: count(tickets.id) })
          .from(teams)
          .leftJoin(tickets, and(eq(tickets.assignedTeamId, teams.id), open()))
          .where(inArray(teams.id, input.teamIds))
          .groupBy(teams.id, teams.code, teams.name, teams.party)
          .orderBy(asc(teams.name))
      : Promise.resolve([]),
    input.teamIds.length
      ? db
          .select({ teamId: vendorAccess.teamId, count: count() })
          .from(vendorAccess)
          .innerJoin(tickets, eq(tickets.id, vendorAccess.ticketId))
          .where(and(inArray(vendorAccess.teamId, input.teamIds), isNull(vendorAccess.endedAt), open()))
          .groupBy(vendorAccess.teamId)
      : Promise.resolve([]),
  ]);
  const waitingFor = new Map(waiting.map((row) => [row.teamId, Number(row.count)]));
  return {
    mine: mine?.count ?? 0,
    unassigned: unassigned?.count ?? 0,
    atRisk: atRisk?.count ?? 0,
    teams: perTeam.map(({ id, party, ...team }) => ({
      ...team,
      count: party === "vendor" ? (waitingFor.get(id) ?? 0) : Number(team.count),
    })),
  };
}
