import { sql } from "drizzle-orm";
import { check, date, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { RegionalDashboard } from "@/lib/domain/dashboard";
import { SUMMARY_PERIOD_KINDS } from "@/lib/domain/dashboard-summary";

/**
 * The every-school dashboard as the worker last computed it, one row per preset period (issue 19,
 * lib/domain/dashboard-summary.ts): the figures exactly as the live computation gave them at `computedAt`.
 */
export const dashboardSummaries = pgTable(
  "dashboard_summaries",
  {
    periodKind: text({ enum: SUMMARY_PERIOD_KINDS }).primaryKey(),
    periodFrom: date().notNull(),
    periodTo: date().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
    figures: jsonb().$type<RegionalDashboard>().notNull(),
  },
  (table) => [check("dashboard_summaries_period_kind", sql`${table.periodKind} IN ('30d', '90d', 'school-year')`)],
);
