import { and, asc, count, eq, gte, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { calendarClosures, teams, tickets, users, vendors } from "@/db/schema";
import type { TicketStatus } from "@/lib/domain/vocabulary";

/** Every team with its own weekly hours and ladder (null: the defaults) and its open tickets, by party then name. */
export async function teamsWithSlaSettings(db: Executor, openStatuses: readonly TicketStatus[]) {
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      party: teams.party,
      weeklyHours: teams.weeklyHours,
      escalationLevels: teams.escalationLevels,
      openTickets: count(tickets.id),
    })
    .from(teams)
    .leftJoin(tickets, and(eq(tickets.assignedTeamId, teams.id), inArray(tickets.status, [...openStatuses])))
    .groupBy(teams.id)
    .orderBy(asc(teams.party), asc(teams.name));
}

export async function teamByCode(db: Executor, code: string) {
  const [team] = await db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      party: teams.party,
      weeklyHours: teams.weeklyHours,
      escalationLevels: teams.escalationLevels,
    })
    .from(teams)
    .where(eq(teams.code, code));
  return team ?? null;
}

/** Closures ending on or after `since` (YYYY-MM-DD), with their team (null: every team) and who added them. */
export async function listClosures(db: Executor, since: string) {
  const rows = await db
    .select({
      id: calendarClosures.id,
      from: calendarClosures.fromDate,
      to: calendarClosures.toDate,
      label: calendarClosures.label,
      createdAt: calendarClosures.createdAt,
      team: { code: teams.code, name: teams.name },
      createdBy: users.name,
    })
    .from(calendarClosures)
    .leftJoin(teams, eq(teams.id, calendarClosures.teamId))
    .leftJoin(users, eq(users.id, calendarClosures.createdById))
    .where(gte(calendarClosures.toDate, since))
    .orderBy(asc(calendarClosures.fromDate), asc(calendarClosures.label));
  return rows.map((row) => ({ ...row, team: row.team?.code ? row.team : null }));
}

export async function listVendorsWithRepairTime(db: Executor) {
  return db
    .select({ id: vendors.id, name: vendors.name, contract: vendors.contract, repairCommitment: vendors.repairCommitment })
    .from(vendors)
    .orderBy(asc(vendors.name));
}
