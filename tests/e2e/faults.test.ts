/**
 * The short faults run of issue 19 (bench/faults.ts, `npm run bench -- --only faults` for the full one): 60 tickets
 * filed over 30 s through the built app on private PostgreSQL and Redis instances, the worker SIGKILLed 3 times and
 * Redis flushed once meanwhile; then nothing lost, nothing twice, no alarm early, no job stuck. It runs the build the
 * e2e suite has just made (.next-e2e), so it lives in that suite.
 */
import { expect, test } from "vitest";
import { runFaultScenario } from "@/bench/faults";
import { E2E_DIST_DIR } from "./global-setup";

test(
  "worker kills and a Redis flush during filing lose no ticket, e-mail or SLA alarm, and record no alarm twice",
  async () => {
    const report = await runFaultScenario({
      tickets: 60,
      seconds: 30,
      kills: 3,
      redisFlush: true,
      redisRestart: false,
      postgresRestart: false,
      minutes: { own: 1, resolve: 1 },
      drainSeconds: 75,
      graceSeconds: 40,
      log: () => undefined,
      distDir: E2E_DIST_DIR,
    });
    console.log(JSON.stringify(report));
    expect(report.faults).toMatchObject({ kills: 3, redisFlushes: 1, unexpectedWorkerExits: 0 });
    expect(report.filings).toMatchObject({ answered201: 60, inDatabase: 60, duplicates: 0, createdWithout201: 0, missing: 0 });
    // Each filing mails its requester; a fifth add a comment: e-mails were due, all went out once.
    expect(report.emails.due).toBeGreaterThanOrEqual(60);
    expect(report.emails).toMatchObject({ neverCaptured: 0, pendingLeft: 0 });
    // At least once, not exactly once: a worker killed after the SMTP server accepted an e-mail and before it marked
    // the row sent sends it again (same Message-ID). At most the mail queue's concurrency (4) in flight per kill.
    expect(report.emails.capturedTwice).toBeLessThanOrEqual(report.faults.kills * 4);
    expect(report.emails.sent).toBe(report.emails.due);
    // Alarms fell due during the run (warnings at 45 s, breaches at 60 s of each untaken ticket): recorded once, none early.
    expect(report.alarms.recorded).toBeGreaterThan(0);
    expect(report.alarms).toMatchObject({ duplicates: 0, early: 0, dueButMissing: 0 });
    expect(report.stuckJobs).toBe(0);
    expect(report.problems.filter((problem) => !problem.startsWith("e-mails:"))).toEqual([]);
  },
  15 * 60_000,
);
