import type { Job } from "bullmq";
import { database } from "@/db/client";
import { logger } from "@/lib/logger";
import { JOBS } from "@/lib/queue/jobs";
import { reconcileSlaTimers as reconcile } from "@/lib/services/sla/sla-timers";

export async function reconcileSlaTimers(job: Job): Promise<{ full: boolean; jobs: number }> {
  JOBS.reconcileSlaTimers.payload.parse(job.data);
  const result = await reconcile(database(), new Date(), { full: false });
  if (result.full) logger.info(result, "SLA timers rebuilt from the database");
  return result;
}
