import { enqueueOutbox } from "./mail/notifications";
import type { SlaSchedule } from "./sla/refresh-sla";
import { scheduleSlaTimers } from "./sla/sla-timers";

/** What a committed change hands to the worker: e-mails to send and SLA timers to hold. Never throws. */
export async function afterCommit(work: { outboxIds?: string[]; slaSchedules?: readonly (SlaSchedule | null)[] }): Promise<void> {
  await enqueueOutbox(work.outboxIds ?? []);
  await scheduleSlaTimers(work.slaSchedules ?? []);
}
