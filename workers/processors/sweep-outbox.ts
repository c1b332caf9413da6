import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { sweepPendingOutbox } from "@/lib/services/mail/send-outbox-email";

export async function sweepOutbox(job: Job): Promise<{ enqueued: number }> {
  JOBS.sweepOutbox.payload.parse(job.data);
  const enqueued = await sweepPendingOutbox(new Date());
  if (enqueued > 0) logger.info({ enqueued }, "pending outbox e-mails re-enqueued");
  return { enqueued };
}
