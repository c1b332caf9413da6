import type { Job } from "bullmq";
import { logger } from "@/lib/logger";
import { JOBS } from "@/lib/queue/jobs";
import { checkDueTickets } from "@/lib/services/sla/fire-sla-alarms";

/**
 * Other tickets due by now that a job checks with its own, in one transaction: in a burst of alarms, one transaction
 * and a few set-based reads for many tickets rather than one of each per ticket (bench/README.md, "SLA timers in a burst").
 */
const ALONGSIDE = 49;

export async function checkSla(job: Job): Promise<{ fired: string[] }> {
  const { ticketId } = JOBS.checkSla.payload.parse(job.data);
  let fired: Map<string, string[]>;
  try {
    fired = await checkDueTickets(ticketId, new Date(), ALONGSIDE);
  } catch (error) {
    // One ticket whose check fails must not hold back the others it was checked with: the job checks its own alone
    // (and fails, to be retried, only if that one fails), each other ticket's job does the same.
    logger.warn({ err: error, ticketId }, "SLA check of the tickets due failed; checking this ticket alone");
    fired = await checkDueTickets(ticketId, new Date(), 0);
  }
  if (fired.size > 0) logger.info({ ticketId, fired: Object.fromEntries(fired) }, "SLA alarms recorded");
  return { fired: fired.get(ticketId) ?? [] };
}
