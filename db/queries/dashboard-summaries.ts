import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dashboardSummaries } from "@/db/schema";
import type { SummaryPeriodKind } from "@/lib/domain/dashboard-summary";

/** The latest summary of the every-school dashboard over a preset, if the worker has written one. */
export async function dashboardSummary(db: Executor, kind: SummaryPeriodKind) {
  const [row] = await db.select().from(dashboardSummaries).where(eq(dashboardSummaries.periodKind, kind));
  return row ?? null;
}
