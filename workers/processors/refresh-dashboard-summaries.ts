import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { refreshDashboardSummaries as refresh } from "@/lib/services/dashboards/dashboard-summaries";

export async function refreshDashboardSummaries(job: Job): Promise<{ runs: Array<{ kind: string; ms: number }> }> {
  JOBS.refreshDashboardSummaries.payload.parse(job.data);
  const runs = await refresh(new Date());
  logger.info({ runs }, "every-school dashboard summaries refreshed");
  return { runs };
}
