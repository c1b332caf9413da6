import type { Job } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobClock } from "@/lib/queue/job-clock";
import { JOBS } from "@/lib/queue/jobs";
import { runRegisterDeadlines as run } from "@/lib/services/registers/register-deadlines";

export async function runRegisterDeadlines(job: Job): Promise<{ reminders: number; removals: number; reviews: number }> {
  const { at } = JOBS.runRegisterDeadlines.payload.parse(job.data);
  const result = await run(jobClock(at, env().NODE_ENV, new Date()));
  if (result.reminders + result.removals + result.reviews > 0) logger.info(result, "register deadlines handled");
  return result;
}
