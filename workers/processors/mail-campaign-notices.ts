import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { mailCampaignNotices as mailNotices } from "@/lib/services/campaigns/campaign-mail";

export async function mailCampaignNotices(job: Job): Promise<{ sent: number }> {
  JOBS.mailCampaignNotices.payload.parse(job.data);
  const sent = await mailNotices(new Date());
  if (sent > 0) logger.info({ sent }, "campaign notices mailed");
  return { sent };
}
