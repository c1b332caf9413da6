import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { purgeIdempotencyKeys as purgeKeys } from "@/lib/services/idempotency/idempotency-keys";

export async function purgeIdempotencyKeys(job: Job): Promise<{ deleted: number }> {
  JOBS.purgeIdempotencyKeys.payload.parse(job.data);
  const deleted = await purgeKeys(new Date());
  logger.info({ deleted }, "idempotency keys past their window purged");
  return { deleted };
}
