import type { Job } from "bullmq";
import { logger } from "@/lib/logger";
import { JOBS } from "@/lib/queue/jobs";
import { fireDueSlaAlarms } from "@/lib/services/sla/fire-sla-alarms";

export async function checkSla(job: Job): Promise<{ fired: string[] }> {
  const { ticketId } = JOBS.checkSla.payload.parse(job.data);
  const fired = await fireDueSlaAlarms(ticketId, new Date());
  if (fired.length > 0) logger.info({ ticketId, fired }, "SLA alarms recorded");
  return { fired };
}
