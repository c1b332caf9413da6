import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { sendDigests as send } from "@/lib/services/notifications/send-digests";

export async function sendDigests(job: Job): Promise<{ slot: string | null; digests: number }> {
  const { slot } = JOBS.sendDigests.payload.parse(job.data);
  const done = await send(new Date(), slot ? new Date(slot) : undefined);
  if (done.digests > 0) logger.info(done, "notification digests written");
  return done;
}
