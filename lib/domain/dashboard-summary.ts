/**
 * The every-school dashboard's summaries (issue 19): at national volume one pass over every school's tickets takes
 * seconds, so the worker computes that view for each preset period every {@link SUMMARY_EVERY_MINUTES} minutes and the
 * page serves the latest one, with its time. Other views (a zone, a sector lead's zones, a custom period, the annual
 * report) stay computed on demand: they read a few hundred schools at most.
 *
 * Pure: the caller, the period and the summary are arguments.
 */
import type { Caller } from "./caller";
import type { Period, PeriodKind } from "./dashboard-period";
import { can } from "./permissions";

/** The presets the period picker offers; a custom range is never summarized. */
export const SUMMARY_PERIOD_KINDS = ["30d", "90d", "school-year"] as const satisfies readonly PeriodKind[];
export type SummaryPeriodKind = (typeof SUMMARY_PERIOD_KINDS)[number];

/** How often the worker recomputes them (the `refreshDashboardSummaries` job's interval, said on the page). */
export const SUMMARY_EVERY_MINUTES = 5;

/**
 * The summary that may answer a reader: only the view over every zone (no zone chosen, by a reader who sees them
 * all, so every reader of it gets the same figures) over a preset period; null when the view is computed on demand.
 */
export function summaryKindFor(caller: Pick<Caller, "role">, zoneCode: string | null, period: Period): SummaryPeriodKind | null {
  if (zoneCode !== null || !can(caller, "dashboards.all")) return null;
  return SUMMARY_PERIOD_KINDS.find((kind) => kind === period.kind) ?? null;
}

/**
 * Whether a summary computed over `summarized` answers a request for `asked`: the same preset over the same days.
 * Yesterday's "90 days" does not answer today's, so after midnight the view is computed on demand until the next run.
 */
export function summaryAnswers(summarized: Period, asked: Period): boolean {
  return summarized.kind === asked.kind && summarized.from === asked.from && summarized.to === asked.to;
}
