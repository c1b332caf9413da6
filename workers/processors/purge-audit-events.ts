import type { Job } from "bullmq";
import { env } from "@/lib/env";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { purgeAuditEvents as purge } from "@/lib/services/audit/purge-audit";

export async function purgeAuditEvents(job: Job): Promise<{ deleted: number }> {
  JOBS.purgeAuditEvents.payload.parse(job.data);
  const { deleted, before } = await purge(new Date(), env().AUDIT_RETENTION_DAYS);
  logger.info({ deleted, before: before.toISOString() }, "audit events past their retention purged");
  return { deleted };
}
