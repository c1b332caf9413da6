import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { purgeExpiredApiTokens } from "@/lib/services/accounts/api-tokens";

export async function purgeExpiredTokens(job: Job): Promise<{ deleted: number }> {
  JOBS.purgeExpiredTokens.payload.parse(job.data);
  const deleted = await purgeExpiredApiTokens(new Date());
  logger.info({ deleted }, "expired API tokens purged");
  return { deleted };
}
