import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, teams, tickets } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import type { SlaState } from "@/lib/domain/sla";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import { scopeCondition } from "./ticket-list";

const open = () => inArray(tickets.status, [...OPEN_STATUSES]);

/** Open tickets a user holds, open tickets nobody holds within a scope, open tickets at risk within it, and open tickets per team. */
export async function openTicketCounts(db: Executor, input: { userId: string; scope: TicketScope; teamIds: string[]; atRiskStates: readonly SlaState[] }) {
  const [[mine], [unassigned], [atRisk], perTeam] = await Promise.all([
    db.select({ count: count() }).from(tickets).where(and(open(), eq(tickets.assigneeId, input.userId))),
    db.select({ count: count() }).from(tickets).innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(open(), isNull(tickets.assigneeId), scopeCondition(input.scope))),
    db.select({ count: count() }).from(tickets).innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(open(), inArray(tickets.slaState, [...input.atRiskStates]), scopeCondition(input.scope))),
    input.teamIds.length
      ? db.select({ code: teams.code, name: teams.name, count: count(tickets.id) }).from(teams)
          .leftJoin(tickets, and(eq(tickets.assignedTeamId, teams.id), open()))
          .where(inArray(teams.id, input.teamIds)).groupBy(teams.code, teams.name).orderBy(asc(teams.name))
      : Promise.resolve([]),
  ]);
  return { mine: mine?.count ?? 0, unassigned: unassigned?.count ?? 0, atRisk: atRisk?.count ?? 0, teams: perTeam.map((team) => ({ ...team, count: Number(team.count) })) };
}
