import { sql } from "drizzle-orm";
import { database, replicaDatabase } from "@/db/client";
import { dashboardSummary } from "@/db/queries/dashboard-summaries";
import { allEstablishments, allZones } from "@/db/queries/dashboard-scope";
import { dashboardSummaries } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { RegionalDashboard } from "@/lib/domain/dashboard";
import { parisDay } from "@/lib/domain/business-calendar";
import { resolvePeriod, type Period } from "@/lib/domain/dashboard-period";
import { SUMMARY_EVERY_MINUTES, SUMMARY_PERIOD_KINDS, summaryAnswers, summaryKindFor } from "@/lib/domain/dashboard-summary";
import { succeed, type ServiceResult } from "@/lib/services/service-result";
import { readRegionalDashboard, regionalFigures } from "./regional-dashboard";

/**
 * Whether a regional view is one the worker summarizes: `served` from the summary (computed at the dashboard's
 * `computedAt`), or `pending` when none of today's period is there yet (a new install, the first minutes after
 * midnight) and the figures were computed now; null for a view computed on demand anyway.
 */
export type RegionalSummary = { state: "served" | "pending"; everyMinutes: number } | null;

/**
 * The regional view as the page serves it: the every-school view over a preset from its summary when there is one of
 * today's period (lib/domain/dashboard-summary.ts), any other view as readRegionalDashboard computes it.
 */
export async function readRegionalView(
  caller: Caller,
  zoneCode: string | null,
  period: Period,
  now: Date,
): Promise<ServiceResult<{ dashboard: RegionalDashboard; summary: RegionalSummary }>> {
  const kind = summaryKindFor(caller, zoneCode, period);
  if (kind !== null) {
    const summary = await dashboardSummary(replicaDatabase(), kind);
    if (summary && summaryAnswers({ kind, from: summary.periodFrom, to: summary.periodTo }, period))
      return succeed({ dashboard: summary.figures, summary: { state: "served", everyMinutes: SUMMARY_EVERY_MINUTES } });
  }
  const found = await readRegionalDashboard(caller, zoneCode, period, now);
  if (!found.ok) return found;
  return succeed({ dashboard: found.value, summary: kind === null ? null : { state: "pending", everyMinutes: SUMMARY_EVERY_MINUTES } });
}

/**
 * The refreshDashboardSummaries job: the every-school view over each preset period ending today, computed as a reader
 * of every zone would get it at `now`, replacing the previous summary of that preset. One preset after the other, so
 * the job holds one pass over the tickets at a time.
 */
export async function refreshDashboardSummaries(now: Date): Promise<Array<{ kind: string; ms: number }>> {
  const db = database();
  const [zones, schools] = await Promise.all([allZones(db), allEstablishments(db)]);
  const runs = [];
  for (const kind of SUMMARY_PERIOD_KINDS) {
    const resolved = resolvePeriod({ kind }, parisDay(now));
    if (!resolved.ok) throw new Error(`a preset period cannot be refused: ${kind}`);
    const started = performance.now();
    const figures = await regionalFigures({ zone: null, zones, schools }, resolved.period, now);
    const row = { periodFrom: resolved.period.from, periodTo: resolved.period.to, computedAt: now, figures };
    await db
      .insert(dashboardSummaries)
      .values({ periodKind: kind, ...row })
      // Two runs overlapping (a slow one, a second worker): the later computation stays.
      .onConflictDoUpdate({
        target: dashboardSummaries.periodKind,
        set: row,
        setWhere: sql`${dashboardSummaries.computedAt} < excluded.computed_at`,
      });
    runs.push({ kind, ms: Math.round(performance.now() - started) });
  }
  return runs;
}
