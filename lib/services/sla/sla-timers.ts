import type { Executor } from "@/db/client";
import { ticketsWithAlarms } from "@/db/queries/ticket-sla";
import { alarmJobId } from "@/lib/domain/sla-plan";
import { JOBS, type JobPayload } from "@/lib/queue/jobs";
import { bestEffort, producerQueue } from "@/lib/queue/producer";
import { redis, redisKey } from "@/lib/redis";
import type { SlaSchedule } from "./refresh-sla";

type AlarmJob = { ticketId: string; version: number; key: string; fireAt: Date };

function checkJob(alarm: AlarmJob, now: number) {
  return {
    name: "checkSla",
    data: { ticketId: alarm.ticketId } satisfies JobPayload<"checkSla">,
    opts: {
      ...JOBS.checkSla.options,
      jobId: alarmJobId(alarm.ticketId, alarm.version, alarm.key),
      delay: Math.max(0, alarm.fireAt.getTime() - now),
    },
  };
}

/** Adds one delayed job per alarm; an existing job id is left as it is, so adding twice holds one job. */
export async function addAlarmJobs(alarms: AlarmJob[], now = Date.now()): Promise<void> {
  const queue = producerQueue(JOBS.checkSla.queue);
  for (let start = 0; start < alarms.length; start += 1000) {
    await queue.addBulk(alarms.slice(start, start + 1000).map((alarm) => checkJob(alarm, now)));
  }
}

/**
 * After commit: holds a job for each pending alarm of the changed tickets and removes the jobs of
 * schedules that no longer stand. Never throws: the reconciliation recreates what Redis missed, and
 * a stale job that survives only triggers a check that finds nothing due.
 */
export async function scheduleSlaTimers(schedules: readonly (SlaSchedule | null)[]): Promise<void> {
  const changed = schedules.filter((schedule): schedule is SlaSchedule => schedule !== null);
  if (changed.length === 0) return;
  await bestEffort("SLA timers not scheduled; the reconciliation will add them", async () => {
    const queue = producerQueue(JOBS.checkSla.queue);
    for (const { ticketId, replaced } of changed) {
      for (const key of replaced?.keys ?? []) await queue.remove(alarmJobId(ticketId, replaced!.version, key));
    }
    await addAlarmJobs(
      changed.flatMap(({ ticketId, version, alarms }) =>
        alarms.map((alarm) => ({ ticketId, version, key: alarm.key, fireAt: alarm.fireAt })),
      ),
    );
  });
}

/** Jobs due within this are re-added every minute even when Redis looks intact. */
const RECONCILE_HORIZON_MS = 10 * 60_000;

/**
 * Recreates the jobs of pending alarms from PostgreSQL. A full pass re-adds every open ticket's
 * jobs (worker start, or Redis lost the marker this leaves: a flush); otherwise only those due
 * within the horizon, which is enough for a job lost by a crash to fire on time. Returns how many
 * jobs it asked for (existing ids are left alone).
 */
export async function reconcileSlaTimers(db: Executor, now: Date, options: { full: boolean }): Promise<{ full: boolean; jobs: number }> {
  const marker = redisKey("sla", "timers-rebuilt");
  const full = options.full || (await redis().exists(marker)) === 0;
  const horizon = new Date(now.getTime() + RECONCILE_HORIZON_MS);
  const rows = await ticketsWithAlarms(db, full ? null : horizon);
  const jobs = rows.flatMap((row) =>
    row.alarms
      .map((alarm) => ({ ticketId: row.id, version: row.version, key: alarm.key, fireAt: new Date(alarm.fireAt) }))
      .filter((alarm) => full || alarm.fireAt <= horizon),
  );
  await addAlarmJobs(jobs, now.getTime());
  if (full) await redis().set(marker, now.toISOString());
  return { full, jobs: jobs.length };
}
