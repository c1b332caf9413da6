import type { Job } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobClock } from "@/lib/queue/job-clock";
import { JOBS } from "@/lib/queue/jobs";
import { sweepApprovalDeadlines } from "@/lib/services/approvals/approval-deadlines";

export async function sweepApprovals(job: Job): Promise<{ reminded: number; expired: number }> {
  const { at } = JOBS.sweepApprovals.payload.parse(job.data);
  const result = await sweepApprovalDeadlines(jobClock(at, env().NODE_ENV, new Date()));
  if (result.reminded > 0 || result.expired > 0) logger.info(result, "approval deadlines handled");
  return result;
}
