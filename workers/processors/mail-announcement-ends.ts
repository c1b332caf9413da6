import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { logger } from "@/lib/logger";
import { mailEndedAnnouncements } from "@/lib/services/announcements/mail-ended-announcements";

export async function mailAnnouncementEnds(job: Job): Promise<{ mailed: number }> {
  JOBS.mailAnnouncementEnds.payload.parse(job.data);
  const mailed = await mailEndedAnnouncements(new Date());
  if (mailed > 0) logger.info({ mailed }, "announcement ends mailed");
  return { mailed };
}
