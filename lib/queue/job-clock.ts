/**
 * The clock of a scheduled job: the real time, or, outside production, the time its payload names (`at`).
 * This is the tests' hook to move the clock ("the head receives the Friday report") without waiting: an e2e
 * test enqueues the job with Friday 16:00. In production an `at` is refused, so whoever can write to Redis
 * cannot make the worker send a week's reports early or late.
 */
export class JobClockRefused extends Error {}

export function jobClock(at: string | undefined, nodeEnv: "development" | "production" | "test", realNow: Date): Date {
  if (at === undefined) return realNow;
  if (nodeEnv === "production") throw new JobClockRefused("a job's clock cannot be set in production");
  return new Date(at);
}
