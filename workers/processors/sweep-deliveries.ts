import type { Job } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { jobClock } from "@/lib/queue/job-clock";
import { JOBS } from "@/lib/queue/jobs";
import { deemDeliveriesCompliant } from "@/lib/services/deliveries/deem-compliant";

export async function sweepDeliveries(job: Job): Promise<{ deemed: number }> {
  const { at } = JOBS.sweepDeliveries.payload.parse(job.data);
  const result = await deemDeliveriesCompliant(jobClock(at, env().NODE_ENV, new Date()));
  if (result.deemed > 0) logger.info(result, "deliveries deemed compliant");
  return result;
}
