import { database } from "@/db/client";
import { teamSlaFigures, vendorSlaFigures, type TeamSlaFigures, type VendorSlaFigures } from "@/db/queries/sla-summary";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ticketScope } from "@/lib/domain/ticket-visibility";

/** The summary's period: the last 30 days (real days, not business days). */
export const SUMMARY_DAYS = 30;

export type SlaSummary = {
  since: Date;
  now: Date;
  /** Teams with something to show, plus the caller's own teams (even when all is zero). */
  teams: TeamSlaFigures[];
  /** Every team shown, added up. */
  total: Omit<TeamSlaFigures, "teamId" | "code" | "name">;
  vendors: VendorSlaFigures[];
};

const FIGURES = ["ownMeasured", "ownMet", "resolveMeasured", "resolveMet", "openAtRisk", "openBreached", "escalations"] as const;

/**
 * SLA compliance per team and per vendor over the last {@link SUMMARY_DAYS} days, within what the caller may
 * see (a sector lead: their teams and their zone's schools). Null for whoever may not read it.
 */
export async function readSlaSummary(caller: Caller, now: Date): Promise<SlaSummary | null> {
  if (!can(caller, "sla.summary")) return null;
  const since = new Date(now.getTime() - SUMMARY_DAYS * 86_400_000);
  const window = { scope: ticketScope(caller, now), since, now, openStatuses: OPEN_STATUSES };
  const db = database();
  const [teams, vendors] = await Promise.all([teamSlaFigures(db, window), vendorSlaFigures(db, window)]);
  const shown = teams.filter((team) => caller.teamIds.includes(team.teamId) || FIGURES.some((figure) => team[figure] > 0));
  const total = Object.fromEntries(
    FIGURES.map((figure) => [figure, shown.reduce((sum, team) => sum + team[figure], 0)]),
  ) as SlaSummary["total"];
  return { since, now, teams: shown, total, vendors };
}
