import type { Executor } from "@/db/client";
import { deflectionCounts } from "@/db/queries/articles";
import { allServices, allTeams } from "@/db/queries/dashboard-scope";
import { openedByChannel, openedPopulation, openGroups, resolvedPopulation, type Instants } from "@/db/queries/dashboard-tickets";
import {
  channelShares,
  compliance,
  openFigures,
  resolverParty,
  resolverShares,
  typeSplit,
  weeklyFlows,
  type ScopeGroup,
  type ServiceFlow,
} from "@/lib/domain/dashboard";
import { periodInstants, weeksOf, type Period } from "@/lib/domain/dashboard-period";
import { average, durationFigures } from "@/lib/domain/dashboard-statistics";

/** The ticket figures every dashboard shares: open now, opened and resolved in the period, durations, compliance, satisfaction. */
export async function ticketFigures(db: Executor, ids: readonly string[], period: Period, periodStartEnd: Instants, now: Date) {
  const instants = {
    ...periodStartEnd,
    weeks: weeksOf(period).map((monday) => ({ monday, start: periodInstants({ from: monday, to: monday }).start })),
  };
  const [open, opened, resolved, services, teams, deflections, channels] = await Promise.all([
    openGroups(db, ids),
    openedPopulation(db, ids, instants, now),
    resolvedPopulation(db, ids, instants),
    allServices(db),
    allTeams(db),
    deflectionCounts(db, ids, periodStartEnd),
    openedByChannel(db, ids, periodStartEnd),
  ]);
  const partyOf = new Map(teams.map((team) => [team.id, team.party]));
  const byService: ServiceFlow[] = services
    .map((service) => ({
      code: service.code,
      name: service.name,
      openedIncidents: opened.services
        .filter((row) => row.serviceId === service.id && row.type === "incident")
        .reduce((sum, row) => sum + row.count, 0),
      openedRequests: opened.services
        .filter((row) => row.serviceId === service.id && row.type === "request")
        .reduce((sum, row) => sum + row.count, 0),
      resolved: resolved.services.filter((row) => row.serviceId === service.id).reduce((sum, row) => sum + row.count, 0),
      deflected: deflections.filter((row) => row.serviceId === service.id).reduce((sum, row) => sum + row.count, 0),
    }))
    .filter((row) => row.openedIncidents + row.openedRequests + row.resolved + row.deflected > 0);
  const openNow = openFigures(open.groups);

  // One (school, team) row per pair met in any population: the regional tables fold them.
  const scope = new Map<string, ScopeGroup>();
  const at = (establishmentId: string, teamId: string | null) => {
    const key = `${establishmentId}|${teamId ?? ""}`;
    let group = scope.get(key);
    if (!group) {
      group = {
        establishmentId,
        teamId,
        backlog: 0,
        breachedOpen: 0,
        opened: 0,
        resolved: 0,
        ttoMet: 0,
        ttoCounted: 0,
        ttrMet: 0,
        ttrCounted: 0,
        ratingSum: 0,
        ratings: 0,
      };
      scope.set(key, group);
    }
    return group;
  };
  for (const row of open.scope)
    Object.assign(at(row.establishmentId, row.teamId), { backlog: row.backlog, breachedOpen: row.breachedOpen });
  for (const row of opened.scope)
    Object.assign(at(row.establishmentId, row.teamId), { opened: row.opened, ttoMet: row.ttoMet, ttoCounted: row.ttoCounted });
  for (const row of resolved.scope) {
    Object.assign(at(row.establishmentId, row.teamId), {
      resolved: row.resolved,
      ttrMet: row.ttrMet,
      ttrCounted: row.ttrCounted,
      ratingSum: row.ratingSum,
      ratings: row.ratings,
    });
  }

  return {
    open: openNow,
    opened: typeSplit(opened.weeks),
    resolved: typeSplit(resolved.weeks),
    weeks: weeklyFlows(weeksOf(period), opened.weeks, resolved.weeks),
    byService,
    timeToOwn: durationFigures(opened.timeToOwn),
    timeToResolve: durationFigures(resolved.timeToResolve),
    sla: {
      ...compliance({ ttoMet: opened.ttoMet, ttoCounted: opened.ttoCounted, ttrMet: resolved.ttrMet, ttrCounted: resolved.ttrCounted }),
      breachedOpen: openNow.breached,
      atRiskOpen: openNow.atRisk,
    },
    satisfaction: { average: average(resolved.ratingSum, resolved.ratings), count: resolved.ratings },
    resolvedBy: resolverShares(
      resolved.resolvers.map((row) => ({
        party: resolverParty(row.vendored, row.teamId === null ? null : (partyOf.get(row.teamId) ?? null)),
        count: row.count,
      })),
    ),
    byChannel: channelShares(channels),
    scopeGroups: [...scope.values()],
    /** Deflections per school (all services), for the regional table beside the tickets filed. */
    deflectedBySchool: deflections.reduce(
      (bySchool, row) => bySchool.set(row.establishmentId, (bySchool.get(row.establishmentId) ?? 0) + row.count),
      new Map<string, number>(),
    ),
  };
}
