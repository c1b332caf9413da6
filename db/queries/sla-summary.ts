import { and, asc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, teams, ticketEvents, tickets, vendors, vendorWaits } from "@/db/schema";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { scopeCondition } from "./ticket-list";

export type SummaryWindow = { scope: TicketScope; since: Date; now: Date; openStatuses: readonly TicketStatus[] };

export type TeamSlaFigures = {
  teamId: string;
  code: string;
  name: string;
  /** Tickets whose time to own stopped in the period (taken, first reply or resolved), and how many of them in time. */
  ownMeasured: number;
  ownMet: number;
  /** Tickets resolved in the period with a commitment, and how many of them in time. */
  resolveMeasured: number;
  resolveMet: number;
  /** Open tickets now, by stored state. */
  openAtRisk: number;
  openBreached: number;
  /** Escalation rungs the worker climbed in the period. */
  escalations: number;
};

const int = (expression: SQL) => sql<number>`(${expression})::int`;
/** The instant the time to own stopped, as indexed by tickets_team_owned_idx (the expression must stay identical). */
const ownStoppedAt = sql`least(${tickets.takenAt}, ${tickets.firstPublicReplyAt}, ${tickets.resolvedAt})`;

/**
 * Per team, within the caller's scope, the SLA figures of a period `[since, now)`. One grouped query per
 * figure, each served by an index: tickets_team_owned_idx and tickets_team_resolved_idx (team = any(all
 * teams) and a range on the stop instant), tickets_sla_state_resolve_by_idx (open tickets at risk or
 * breached), ticket_events_sla_escalations_idx (escalations by date). A ticket counts for the team holding
 * it now.
 */
export async function teamSlaFigures(db: Executor, window: SummaryWindow): Promise<TeamSlaFigures[]> {
  const allTeams = await db.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams).orderBy(asc(teams.name));
  const teamIds = allTeams.map((team) => team.id);
  if (!teamIds.length) return [];
  const scope = scopeCondition(window.scope);
  const inTeams = inArray(tickets.assignedTeamId, teamIds);
  const [owned, resolved, open, escalated] = await Promise.all([
    db
      .select({ teamId: tickets.assignedTeamId, measured: int(sql`count(*)`), met: int(sql`count(*) filter (where ${tickets.ownMet})`) })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(inTeams, sql`${ownStoppedAt} >= ${window.since}`, sql`${ownStoppedAt} < ${window.now}`, isNotNull(tickets.ownMet), scope))
      .groupBy(tickets.assignedTeamId),
    db
      .select({
        teamId: tickets.assignedTeamId,
        measured: int(sql`count(*)`),
        met: int(sql`count(*) filter (where ${tickets.resolveMet})`),
      })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(inTeams, gte(tickets.resolvedAt, window.since), lt(tickets.resolvedAt, window.now), isNotNull(tickets.resolveMet), scope))
      .groupBy(tickets.assignedTeamId),
    db
      .select({
        teamId: tickets.assignedTeamId,
        atRisk: int(sql`count(*) filter (where ${tickets.slaState} = 'at_risk')`),
        breached: int(sql`count(*) filter (where ${tickets.slaState} = 'breached')`),
      })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(inArray(tickets.slaState, ["at_risk", "breached"]), inArray(tickets.status, [...window.openStatuses]), inTeams, scope))
      .groupBy(tickets.assignedTeamId),
    // The predicate repeats the partial index's own, so the planner can use it.
    db
      .select({ teamId: tickets.assignedTeamId, count: int(sql`count(*)`) })
      .from(ticketEvents)
      .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(
        and(
          sql`${ticketEvents.kind} = 'escalated' AND ${ticketEvents.data}->>'target' = 'sla'`,
          gte(ticketEvents.createdAt, window.since),
          lt(ticketEvents.createdAt, window.now),
          inTeams,
          scope,
        ),
      )
      .groupBy(tickets.assignedTeamId),
  ]);
  const byTeam = <T extends { teamId: string | null }>(rows: T[]) => new Map(rows.map((row) => [row.teamId!, row]));
  const [ownedBy, resolvedBy, openBy, escalatedBy] = [byTeam(owned), byTeam(resolved), byTeam(open), byTeam(escalated)];
  return allTeams.map((team) => ({
    teamId: team.id,
    code: team.code,
    name: team.name,
    ownMeasured: ownedBy.get(team.id)?.measured ?? 0,
    ownMet: ownedBy.get(team.id)?.met ?? 0,
    resolveMeasured: resolvedBy.get(team.id)?.measured ?? 0,
    resolveMet: resolvedBy.get(team.id)?.met ?? 0,
    openAtRisk: openBy.get(team.id)?.atRisk ?? 0,
    openBreached: openBy.get(team.id)?.breached ?? 0,
    escalations: escalatedBy.get(team.id)?.count ?? 0,
  }));
}

export type VendorSlaFigures = {
  vendorId: string;
  name: string;
  repairCommitment: (typeof vendors.$inferSelect)["repairCommitment"];
  /** Waits with a repair time that ended, or fell due, in the period; how many were handed back in time. */
  measured: number;
  onTime: number;
  /** Waits that ended in the period without an agreed repair time (not measured). */
  unmeasured: number;
  /** Waits under way now whose deadline has passed. */
  lateNow: number;
};

/**
 * Per vendor, within the caller's scope, from vendor_waits: waits ended or due in `[since, now)` (served by
 * vendor_waits_ended_due_idx and vendor_waits_due_idx, OR-ed by a bitmap), and waits still under way past
 * their deadline (ended_at null, due_at < now: vendor_waits_ended_due_idx).
 */
export async function vendorSlaFigures(db: Executor, window: SummaryWindow): Promise<VendorSlaFigures[]> {
  const { since, now } = window;
  const endedIn = sql`(${vendorWaits.endedAt} >= ${since} and ${vendorWaits.endedAt} < ${now})`;
  const dueIn = sql`(${vendorWaits.dueAt} >= ${since} and ${vendorWaits.dueAt} < ${now})`;
  const lateNow = sql`(${vendorWaits.endedAt} is null and ${vendorWaits.dueAt} < ${now})`;
  const [allVendors, rows] = await Promise.all([
    db.select({ id: vendors.id, name: vendors.name, repairCommitment: vendors.repairCommitment }).from(vendors).orderBy(asc(vendors.name)),
    db
      .select({
        vendorId: vendorWaits.vendorId,
        measured: int(sql`count(*) filter (where ${vendorWaits.dueAt} is not null and (${endedIn} or ${dueIn}))`),
        onTime: int(
          sql`count(*) filter (where ${vendorWaits.dueAt} is not null and (${endedIn} or ${dueIn}) and ${vendorWaits.endedAt} <= ${vendorWaits.dueAt})`,
        ),
        unmeasured: int(sql`count(*) filter (where ${vendorWaits.dueAt} is null and ${endedIn})`),
        lateNow: int(sql`count(*) filter (where ${lateNow})`),
      })
      .from(vendorWaits)
      .innerJoin(tickets, eq(tickets.id, vendorWaits.ticketId))
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(sql`(${endedIn} or ${dueIn} or ${lateNow})`, scopeCondition(window.scope)))
      .groupBy(vendorWaits.vendorId),
  ]);
  const byVendor = new Map(rows.map((row) => [row.vendorId, row]));
  return allVendors.map((vendor) => ({
    vendorId: vendor.id,
    name: vendor.name,
    repairCommitment: vendor.repairCommitment,
    measured: byVendor.get(vendor.id)?.measured ?? 0,
    onTime: byVendor.get(vendor.id)?.onTime ?? 0,
    unmeasured: byVendor.get(vendor.id)?.unmeasured ?? 0,
    lateNow: byVendor.get(vendor.id)?.lateNow ?? 0,
  }));
}
