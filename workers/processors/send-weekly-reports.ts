import type { Job } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobClock } from "@/lib/queue/job-clock";
import { JOBS } from "@/lib/queue/jobs";
import { sendWeeklyReports as send } from "@/lib/services/weekly-report/send-weekly-reports";

export async function sendWeeklyReports(job: Job): Promise<{ week: string | null; emails: number }> {
  const { at } = JOBS.sendWeeklyReports.payload.parse(job.data);
  const { NODE_ENV, WEEKLY_REPORT_DAY, WEEKLY_REPORT_TIME } = env();
  const result = await send(jobClock(at, NODE_ENV, new Date()), { weekday: WEEKLY_REPORT_DAY, time: WEEKLY_REPORT_TIME });
  if (result.emails > 0) logger.info(result, "weekly reports written to the outbox");
  return result;
}
