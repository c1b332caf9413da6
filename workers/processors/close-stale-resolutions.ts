import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { closeStaleResolutions as closeStale } from "@/lib/services/tickets/requester-actions";

export async function closeStaleResolutions(job: Job): Promise<{ closed: number }> {
  JOBS.closeStaleResolutions.payload.parse(job.data);
  const closed = await closeStale(new Date());
  if (closed > 0) logger.info({ closed }, "stale resolutions closed");
  return { closed };
}
