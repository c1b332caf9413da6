import type { Executor } from "@/db/client";
import { closuresSince, teamSlaRow } from "@/db/queries/ticket-sla";
import { DEFAULT_CALENDAR, parisDay, type BusinessCalendar, type Closure } from "@/lib/domain/business-calendar";
import { DEFAULT_ESCALATION_LEVELS, type EscalationLevel } from "@/lib/domain/sla-alarms";
import type { ReferenceData } from "../routing/reference-cache";

export type TeamSlaSettings = { calendar: BusinessCalendar; escalationLevels: readonly EscalationLevel[] };

/** Closures older than this cannot move a deadline any more (the longest commitment is 300 business hours). */
const CLOSURE_LOOKBACK_DAYS = 400;

const closuresFrom = (now: Date) => parisDay(new Date(now.getTime() - CLOSURE_LOOKBACK_DAYS * 86_400_000));

function settingsOf(
  team: Pick<ReferenceData["teams"][number], "weeklyHours" | "escalationLevels"> | null,
  closures: Closure[],
): TeamSlaSettings {
  return {
    calendar: { ...DEFAULT_CALENDAR, weekly: team?.weeklyHours ?? DEFAULT_CALENDAR.weekly, closures },
    escalationLevels: team?.escalationLevels ?? DEFAULT_ESCALATION_LEVELS,
  };
}

/**
 * The business calendar and escalation ladder of the team holding a ticket: its own weekly hours
 * (else the default), the closures of every team plus its own, its ladder (else the default).
 * No team (a ticket not routed yet) gets the defaults and the closures of every team.
 */
export async function teamSlaSettings(tx: Executor, teamId: string | null, now: Date): Promise<TeamSlaSettings> {
  // In turn, not side by side: `tx` may be a transaction's one client.
  const team = teamId ? await teamSlaRow(tx, teamId) : null;
  return settingsOf(team, await closuresSince(tx, closuresFrom(now), teamId));
}

/** The same settings from the cached reference data (lib/services/routing/reference-cache.ts): no read. */
export function referenceTeamSlaSettings(reference: ReferenceData, teamId: string | null, now: Date): TeamSlaSettings {
  const since = closuresFrom(now);
  const team = teamId ? (reference.teams.find((row) => row.id === teamId) ?? null) : null;
  const closures = reference.closures
    .filter((closure) => closure.to >= since && (closure.teamId === null || closure.teamId === teamId))
    .map(({ from, to, label }) => ({ from, to, label }));
  return settingsOf(team, closures);
}
