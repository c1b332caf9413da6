import { Queue } from "bullmq";
import type { IsoWeek } from "@/lib/domain/iso-week";
import { weeklyReportSlot } from "@/lib/domain/weekly-report-slot";
import { JOBS } from "@/lib/queue/jobs";
import { TEST_REDIS } from "./test-database";

/**
 * The test's own clock hook: the worker's weekly job, enqueued with the week's Friday 16:00 (Paris) as its time
 * (the payload's `at`, honoured outside production only, lib/queue/job-clock.ts), instead of waiting for Friday.
 * `redisPrefix` is inject("e2eRedisPrefix").
 */
export async function runFridayJob(redisPrefix: string, week: IsoWeek): Promise<void> {
  const queue = new Queue(JOBS.sendWeeklyReports.queue, { connection: { url: TEST_REDIS }, prefix: `${redisPrefix}:bull` });
  try {
    const at = weeklyReportSlot(week, { weekday: 5, time: "16:00" }).toISOString();
    await queue.add("sendWeeklyReports", { at }, { ...JOBS.sendWeeklyReports.options, jobId: `e2e-weekly-${week.label}` });
  } finally {
    await queue.close();
  }
}
