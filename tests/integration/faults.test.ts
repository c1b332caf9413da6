/**
 * The short faults run of issue 19 (bench/faults.ts, `npm run bench -- --only faults` for the full one): 100 tickets
 * filed over 30 s through the API's route handlers in-process (the same idempotent filing, comment and status change
 * as the bench sends over HTTP; no build), the real worker as a child process SIGKILLed 3 times, and a private Redis
 * flushed once meanwhile; then the bench's own counts: nothing lost, nothing twice, no alarm early, no job stuck.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { POST as comment } from "@/app/api/v1/tickets/[reference]/comments/route";
import { PATCH as patchTicket } from "@/app/api/v1/tickets/[reference]/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { prepareFaultDatabase, runFaultLoad, type EmailTwice, type FaultApi, type FaultStores } from "@/bench/faults";
import { env } from "@/lib/env";
import { closeProducers } from "@/lib/queue/producer";
import { closeRedis } from "@/lib/redis";
import { callRoute, tokenFor } from "../support/api-client";
import { useOwnDatabase } from "../support/own-database";
import { startPrivateRedis, type PrivateRedis } from "../support/private-stores";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";

/**
 * A second copy of an e-mail is excused only with the evidence of the outbox's at-least-once window (a worker killed
 * between handing the message over and the commit of "sent"): a SIGKILL this close to the capture's acceptance of the
 * first copy (either side: the capture shares this process's busy event loop and sees the message late), no SMTP
 * failure on the row, and "sent" written by a job started after that kill (the first sender never committed).
 */
const KILL_NEAR_ACCEPTANCE_MS = 3_000;
const inTheWindow = (entry: EmailTwice) =>
  entry.killMs !== null &&
  Math.abs(entry.killMs) <= KILL_NEAR_ACCEPTANCE_MS &&
  entry.attempts === 0 &&
  entry.lastError === null &&
  entry.sentAfterMs !== null &&
  entry.sentAfterMs > Math.max(entry.killMs, 0);

let drop: () => Promise<void>;
let redis: PrivateRedis;
let capture: SmtpCapture;

beforeAll(async () => {
  redis = await startPrivateRedis();
  capture = await startSmtpCapture();
  // Before anything reads the environment: the in-process API enqueues on the private Redis, which the test flushes.
  process.env.REDIS_URL = redis.url;
  process.env.REDIS_PREFIX = `faults_${Date.now().toString(36)}`;
  process.env.SMTP_URL = `smtp://127.0.0.1:${capture.port}`;
  drop = await useOwnDatabase("faults");
});

afterAll(async () => {
  await closeProducers();
  await closeRedis();
  await drop();
  await capture.close();
  await redis.destroy();
});

/** The route handlers the bench reaches over HTTP, called in-process. */
const inProcessApi: FaultApi = {
  signIn: tokenFor,
  request: async ({ method, path, token, body, key }) => {
    const [, reference, comments] = /^\/api\/v1\/tickets(?:\/([^/]+)(\/comments)?)?$/.exec(path) ?? [];
    const handler = reference === undefined ? create : comments ? comment : patchTicket;
    const answer = await callRoute<Record<string, unknown> | null, { reference: string }>(handler, {
      path: path.replace("/api/v1", ""),
      token,
      method,
      body,
      params: { reference: reference ?? "" },
      headers: key ? { "Idempotency-Key": key } : {},
    });
    return { status: answer.status, body: answer.body ?? {}, retryAfterSeconds: Number(answer.headers.get("retry-after") ?? 1) };
  },
};

test(
  "worker kills and a Redis flush during filing lose no ticket, e-mail or SLA alarm, and send or record nothing twice",
  async () => {
    const { DATABASE_URL, REDIS_URL, REDIS_PREFIX, APP_URL, AUTH_SECRET, SMTP_URL, MAIL_FROM, UPLOAD_DIR } = env();
    const stores: FaultStores = {
      databaseUrl: DATABASE_URL,
      redis,
      capture,
      workerEnvironment: {
        DATABASE_URL,
        REDIS_URL,
        REDIS_PREFIX,
        APP_URL,
        AUTH_SECRET,
        SMTP_URL: SMTP_URL ?? "",
        MAIL_FROM,
        UPLOAD_DIR,
        LOG_LEVEL: "error",
      },
    };
    const minutes = { own: 1, resolve: 1 };
    const schools = await prepareFaultDatabase(DATABASE_URL, minutes);
    const report = await runFaultLoad(
      {
        tickets: 100,
        seconds: 30,
        kills: 3,
        redisFlush: true,
        redisRestart: false,
        postgresRestart: false,
        minutes,
        drainSeconds: 100,
        graceSeconds: 40,
        log: (line) => console.log(`[faults] ${line}`),
      },
      stores,
      inProcessApi,
      schools,
    );
    console.log(JSON.stringify(report));
    expect(report.faults).toMatchObject({ kills: 3, redisFlushes: 1, unexpectedWorkerExits: 0 });
    expect(report.filings).toMatchObject({ answered201: 100, inDatabase: 100, duplicates: 0, createdWithout201: 0, missing: 0 });
    // Each filing mails its requester, a fifth add a comment: e-mails were due, and all went out.
    expect(report.emails.due).toBeGreaterThanOrEqual(100);
    expect(report.emails).toMatchObject({ neverCaptured: 0, pendingLeft: 0, sent: report.emails.due });
    // A second copy only with the evidence of a SIGKILL between the first's SMTP acceptance and its commit (reported above).
    const unexcused = report.emails.twice.filter((entry) => !inTheWindow(entry));
    expect(unexcused).toEqual([]);
    // Alarms fell due during the run (warnings at 45 s, breaches at 60 s of each untaken ticket): recorded once, none early.
    expect(report.alarms.recorded).toBeGreaterThan(0);
    expect(report.alarms).toMatchObject({ duplicates: 0, early: 0, dueButMissing: 0 });
    expect(report.stuckJobs).toBe(0);
    expect(report.problems.filter((problem) => !problem.startsWith("e-mails:"))).toEqual([]);
  },
  4 * 60_000,
);
