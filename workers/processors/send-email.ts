import type { Job } from "bullmq";
import { JOBS } from "@/lib/queue/jobs";
import { sendOutboxEmail } from "@/lib/services/mail/send-outbox-email";

export async function sendEmail(job: Job): Promise<{ result: Awaited<ReturnType<typeof sendOutboxEmail>> }> {
  const { outboxId } = JOBS.sendEmail.payload.parse(job.data);
  return { result: await sendOutboxEmail(outboxId, new Date()) };
}
