/**
 * Faults under load (issue 19): tickets filed, commented and taken while the worker is SIGKILLed and restarted, Redis
 * is flushed and restarted, PostgreSQL is restarted; then everything due is counted from the SMTP capture and the
 * database.
 *
 *   npm run bench -- --only faults [--build] [--tickets 1000] [--seconds 180] [--kills 20] [--json <file>]
 *
 * On PRIVATE PostgreSQL and Redis instances (tests/support/private-stores.ts; the shared servers are never touched),
 * the bench build of the app (server.mjs) and a real worker (`npm run worker`) mailing a local SMTP capture. Every
 * ticket goes to a 24/7 team on a policy in minutes (a routing rule put first), so its alarms fall due during the run.
 * Clients behave as the API asks: every filing and comment carries an Idempotency-Key and is retried on 503 or a cut
 * connection until answered. A fifth of the tickets get a public comment, a fifth are taken by the team's technician.
 *
 * Counted afterwards: outbox e-mails (sent / due / captured twice / never captured), SLA alarms (due by now per the
 * journal and the tickets' pending lists: recorded, recorded twice, recorded early, due but missing), filings (each key
 * answered 201 exists once, none created without a 201), jobs stuck (active or waiting for longer than the grace). SLA lag is the
 * journal entry's time minus its due time, split by whether a SIGKILL fell within the 70 s before the alarm was due.
 * Fails (false) on any loss, duplicate, early alarm, stuck job or exit of the worker by itself.
 * tests/integration/faults.test.ts runs the short version through {@link runFaultLoad} with the route handlers
 * in-process (no build) and the same counts.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { freePort, startApp, startWorker, stopApp } from "@/tests/support/app-server";
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from "@/tests/support/private-stores";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { BENCH_DIST_DIR, option, positiveInteger } from "./config";
import { table } from "./report";
import { percentile } from "./stats";

export type FaultOptions = {
  tickets: number;
  seconds: number;
  kills: number;
  redisFlush: boolean;
  redisRestart: boolean;
  postgresRestart: boolean;
  /** The test policy, in minutes on a 24/7 calendar. */
  minutes: { own: number; resolve: number };
  /** How long to wait, after the last filing, for everything due to be sent and recorded. */
  drainSeconds: number;
  /** An alarm still pending this long after it fell due counts as lost (the issue's goal after a SIGKILL: 70 s). */
  graceSeconds: number;
  log?: (line: string) => void;
};

/**
 * How the scenario reaches the API: over HTTP to the built app (the bench) or through the route handlers in-process
 * (the integration test). `request` throws when the connection is cut; the scenario retries as a client should.
 */
export type FaultApi = {
  signIn(email: string): Promise<string>;
  request(init: { method: "POST" | "PATCH"; path: string; token: string; body: unknown; key?: string }): Promise<{
    status: number;
    body: Record<string, unknown>;
    retryAfterSeconds: number;
  }>;
};

/** The stores the worker and the count use; PostgreSQL only when the run restarts it. */
export type FaultStores = {
  databaseUrl: string;
  redis: PrivateRedis;
  postgres?: PrivatePostgres;
  capture: SmtpCapture;
  /** The worker's environment (REDIS_PREFIX among it: the count reads the queues under it). */
  workerEnvironment: Record<string, string> & { REDIS_PREFIX: string };
};

/**
 * An e-mail captured more than once, timed from the capture's acceptance of its first copy: the nearest SIGKILL
 * (negative: before it; null: none), the later copies, and the row's `sent_at` (null: not sent). The capture runs in
 * this process's busy event loop, so its acceptance is seen late: a worker killed right after writing the message's
 * last line shows a SIGKILL before it.
 */
export type EmailTwice = {
  id: string;
  killMs: number | null;
  copiesAfterMs: number[];
  sentAfterMs: number | null;
  attempts: number;
  lastError: string | null;
};

export type FaultReport = {
  filings: { answered201: number; inDatabase: number; duplicates: number; createdWithout201: number; missing: number; retries: number };
  emails: {
    due: number;
    sent: number;
    captured: number;
    capturedTwice: number;
    neverCaptured: number;
    pendingLeft: number;
    twice: EmailTwice[];
  };
  alarms: { recorded: number; duplicates: number; early: number; dueButMissing: number };
  lag: { normal: { n: number; p50: number; p99: number }; afterKill: { n: number; p50: number; p99: number } };
  stuckJobs: number;
  faults: {
    kills: number;
    redisFlushes: number;
    redisRestarts: number;
    postgresRestarts: number;
    answers503: number;
    unexpectedWorkerExits: number;
  };
  problems: string[];
};

/** BullMQ's lock (30 s) and two stalled-job checks (30 s apart): a killed worker's active job is taken again by then. */
const STALLED_JOB_BACK_MS = 90_000;
const ROUND_THE_CLOCK = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A 24/7 team of the Ouest zone (`TEST-H24`, the demo's Ouest technician in it) and an SLA policy with the same targets
 * in minutes for every priority: what the faults and SLA-burst runs fire their alarms on. Returns both ids.
 */
export async function addRoundTheClockTeam(
  client: Client,
  policy: { code: string; name: string; minutes: FaultOptions["minutes"] },
): Promise<{ teamId: string; policyId: string }> {
  const team = await client.query<{ id: string }>(
    `INSERT INTO teams (code, name, party, zone_id, weekly_hours)
     SELECT 'TEST-H24', 'Astreinte 24/7', 'region', id, $1 FROM zones WHERE code = 'OUEST' RETURNING id`,
    [JSON.stringify(ROUND_THE_CLOCK)],
  );
  const teamId = team.rows[0]!.id;
  await client.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, id FROM users WHERE email = 'tech.ouest@guichet.test'`, [
    teamId,
  ]);
  const targets = Object.fromEntries(["P1", "P2", "P3", "P4"].map((priority) => [priority, policy.minutes]));
  const created = await client.query<{ id: string }>(`INSERT INTO sla_policies (code, name, targets) VALUES ($1, $2, $3) RETURNING id`, [
    policy.code,
    policy.name,
    JSON.stringify(targets),
  ]);
  return { teamId, policyId: created.rows[0]!.id };
}

/** A 24/7 team holding every ticket, on a policy in minutes (the first routing rule); returns the schools' UAIs. */
export async function prepareFaultDatabase(databaseUrl: string, minutes: FaultOptions["minutes"]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { policyId } = await addRoundTheClockTeam(client, { code: "TEST-MINUTES", name: "Test en minutes", minutes });
    await client.query(
      `INSERT INTO routing_rules (position, name, match, team_code, sla_policy_id)
       SELECT coalesce(min(position), 0) - 1, 'Tout à l''astreinte (test)', '{}', 'TEST-H24', $1 FROM routing_rules`,
      [policyId],
    );
    return (await client.query<{ uai: string }>("SELECT uai FROM establishments ORDER BY uai")).rows.map((row) => row.uai);
  } finally {
    await client.end();
  }
}

/**
 * The run itself, whatever serves the API: the worker started and supervised, the fault schedule, the filings, the
 * drain, then the counts. `schools` from {@link prepareFaultDatabase}.
 */
export async function runFaultLoad(options: FaultOptions, stores: FaultStores, api: FaultApi, schools: string[]): Promise<FaultReport> {
  const log = options.log ?? ((line: string) => console.log(`[faults] ${line}`));
  let worker: ChildProcess | undefined;
  let stopping = false;
  const client = new Client({ connectionString: stores.databaseUrl });
  client.on("error", (error) => log(`counting connection lost: ${error.message}`));
  try {
    // As a service manager does (systemd Restart=always, a container's restart policy): a worker that exits is started again.
    let unexpectedExits = 0;
    const killed = new Set<number>();
    const supervise = () => {
      const child = startWorker(stores.workerEnvironment);
      worker = child;
      child.once("exit", (code, signal) => {
        if (child.pid && !killed.has(child.pid)) {
          unexpectedExits++;
          if (!stopping) log(`the worker exited by itself (${signal ?? `code ${code}`})`);
        }
        if (!stopping) setTimeout(supervise, 500 + Math.random() * 1500);
      });
    };
    supervise();

    let answers503 = 0;
    let retries = 0;
    /** A request retried as a client should: on 503 (after Retry-After) or a cut connection, until answered otherwise. */
    const call = async (init: Parameters<FaultApi["request"]>[0]) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await api.request(init);
          if (answer.status === 503) {
            answers503++;
            retries++;
            await sleep(answer.retryAfterSeconds * 1000);
            continue;
          }
          return answer;
        } catch {
          retries++;
          if (attempt > 200) return { status: 0, body: {}, retryAfterSeconds: 0 };
          await sleep(500);
        }
      }
    };
    const filer = await api.signIn("admin@guichet.test");
    const technician = await api.signIn("tech.ouest@guichet.test");

    // The fault schedule: kills at random moments of the filing window, the Redis and PostgreSQL faults at set shares of it.
    const windowMs = options.seconds * 1000;
    const started = Date.now();
    const killTimes: number[] = [];
    const faults = { kills: 0, redisFlushes: 0, redisRestarts: 0, postgresRestarts: 0, answers503: 0, unexpectedWorkerExits: 0 };
    const schedule: Promise<void>[] = [];
    // One fault at a time: each waits for the one before it to be over.
    let chain = Promise.resolve();
    const at = (share: number, action: () => Promise<void>) =>
      schedule.push(
        sleep(share * windowMs).then(() => {
          chain = chain.then(action).catch((error: unknown) => log(`fault failed: ${(error as Error).message}`));
          return chain;
        }),
      );
    for (let kill = 0; kill < options.kills; kill++)
      at(Math.random(), async () => {
        const pid = worker?.pid;
        if (!pid || worker?.exitCode !== null) return;
        killed.add(pid);
        process.kill(-pid, "SIGKILL");
        killTimes.push(Date.now());
        faults.kills++;
        await sleep(2500); // the supervisor starts it again within 2 s
      });
    if (options.redisFlush)
      at(0.3, async () => {
        await stores.redis.flush();
        faults.redisFlushes++;
        log("redis flushed");
      });
    if (options.redisRestart)
      at(0.55, async () => {
        await stores.redis.stop();
        await sleep(2000);
        await stores.redis.start();
        faults.redisRestarts++;
        log("redis restarted (empty)");
      });
    const postgres = stores.postgres;
    if (options.postgresRestart && postgres)
      at(0.8, async () => {
        postgres.stop();
        await sleep(3000);
        postgres.start();
        faults.postgresRestarts++;
        log("postgres restarted");
      });

    const answered = new Map<string, string>(); // idempotency key → reference
    const failed: string[] = [];
    await Promise.all(
      Array.from({ length: options.tickets }, async (_, index) => {
        await sleep((index * windowMs) / options.tickets);
        const key = randomUUID();
        const filed = await call({
          method: "POST",
          path: "/api/v1/tickets",
          token: filer,
          key,
          body: {
            type: "incident",
            serviceCode: "RESEAU",
            categoryCode: "RES-PANNE",
            establishmentUai: schools[index % schools.length],
            title: `Panne réseau ${index}`,
            description: "Aucun poste ne se connecte.",
            impact: "group",
            urgency: "high",
            fields: { rooms: `S${index}` },
          },
        });
        if (filed.status !== 201) return void failed.push(`${filed.status} ${JSON.stringify(filed.body).slice(0, 200)}`);
        const reference = String(filed.body.reference);
        answered.set(key, reference);
        if (index % 5 === 1)
          await call({
            method: "POST",
            path: `/api/v1/tickets/${reference}/comments`,
            token: filer,
            key: randomUUID(),
            body: { body: "Toujours en panne ce matin." },
          });
        if (index % 5 === 3)
          await call({
            method: "PATCH",
            path: `/api/v1/tickets/${reference}`,
            token: technician,
            body: { status: "in_progress", assignee: "me" },
          });
      }),
    );
    await Promise.all(schedule);
    faults.answers503 = answers503;
    log(`filed ${answered.size} in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failed.length} not answered 201; draining`);

    // Everything due by the end of the drain must be sent and recorded: wait for the last deadlines, then settle.
    await sleep(options.drainSeconds * 1000);
    faults.unexpectedWorkerExits = unexpectedExits;
    const checkedAt = new Date();
    await client.connect();
    const counted = await countFaults(client, stores, { checkedAt, graceSeconds: options.graceSeconds, answered, killTimes, log });
    stopping = true;
    const problems: string[] = [];
    if (failed.length) problems.push(`${failed.length} filings never answered 201: ${failed.slice(0, 3).join("; ")}`);
    const { filings, emails, alarms, stuckJobs } = counted;
    if (filings.duplicates || filings.createdWithout201 || filings.missing)
      problems.push(
        `filings: ${filings.duplicates} duplicates, ${filings.createdWithout201} created without a 201, ${filings.missing} missing`,
      );
    if (emails.capturedTwice || emails.neverCaptured || emails.pendingLeft)
      problems.push(`e-mails: ${emails.capturedTwice} sent twice, ${emails.neverCaptured} never sent, ${emails.pendingLeft} still pending`);
    if (alarms.duplicates || alarms.early || alarms.dueButMissing)
      problems.push(`alarms: ${alarms.duplicates} twice, ${alarms.early} early, ${alarms.dueButMissing} due but missing`);
    if (stuckJobs) problems.push(`${stuckJobs} jobs stuck (active or waiting) after the drain`);
    if (faults.unexpectedWorkerExits) problems.push(`the worker exited ${faults.unexpectedWorkerExits} times by itself`);
    return { ...counted, filings: { ...filings, retries }, faults, problems };
  } finally {
    stopping = true;
    if (worker) await stopApp(worker);
    await client.end().catch(() => undefined);
  }
}

/** The counts after the drain, from the SMTP capture, the database (`client`, connected) and the queues. */
async function countFaults(
  client: Client,
  stores: FaultStores,
  run: { checkedAt: Date; graceSeconds: number; answered: Map<string, string>; killTimes: number[]; log: (line: string) => void },
): Promise<Omit<FaultReport, "faults" | "problems">> {
  const { checkedAt, graceSeconds, answered, killTimes, log } = run;
  // Filings: every key answered 201 is one ticket; nothing else was created.
  const tickets = (await client.query<{ reference: string }>("SELECT reference FROM tickets WHERE title LIKE 'Panne réseau %'")).rows;
  const inDatabase = new Set(tickets.map((row) => row.reference));
  const answeredReferences = [...answered.values()];
  const answeredSet = new Set(answeredReferences);
  const filings = {
    answered201: answered.size,
    inDatabase: tickets.length,
    duplicates: answeredReferences.length - answeredSet.size,
    createdWithout201: tickets.filter((row) => !answeredSet.has(row.reference)).length,
    missing: answeredReferences.filter((reference) => !inDatabase.has(reference)).length,
    retries: 0,
  };

  // E-mails: each outbox row meant to be sent, captured exactly once (by its stable Message-ID).
  // Written more than the grace before the check: due by now (alarms keep writing e-mails while the drain lasts).
  const outbox = (
    await client.query<{ id: string; status: string; sent_at: Date | null; attempts: number; last_error: string | null }>(
      "SELECT id, status, sent_at, attempts, last_error FROM outbox_emails WHERE created_at < $1::timestamptz - make_interval(secs => $2)",
      [checkedAt, graceSeconds],
    )
  ).rows;
  const rowsById = new Map(outbox.map((row) => [row.id, row]));
  const acceptances = new Map<string, number[]>();
  const messages = stores.capture.messages();
  for (const message of messages) {
    const id = /^Message-ID:\s*<([^@>]+)@/im.exec(message.raw)?.[1];
    if (id) acceptances.set(id, [...(acceptances.get(id) ?? []), message.acceptedAt]);
  }
  const twice = [...acceptances]
    .filter(([, times]) => times.length > 1)
    .map(([id, times]): EmailTwice => {
      const first = times[0]!;
      const kill = [...killTimes].sort((a, b) => Math.abs(a - first) - Math.abs(b - first))[0];
      const row = rowsById.get(id);
      return {
        id,
        killMs: kill === undefined ? null : kill - first,
        copiesAfterMs: times.slice(1).map((time) => time - first),
        sentAfterMs: row?.sent_at ? row.sent_at.getTime() - first : null,
        attempts: row?.attempts ?? 0,
        lastError: row?.last_error ?? null,
      };
    });
  const due = outbox.filter((row) => row.status !== "failed");
  const emails = {
    due: due.length,
    sent: outbox.filter((row) => row.status === "sent").length,
    captured: messages.length,
    capturedTwice: twice.length,
    neverCaptured: due.filter((row) => !acceptances.has(row.id)).length,
    pendingLeft: outbox.filter((row) => row.status === "pending").length,
    twice,
  };

  // Alarms: the journal's, and those still pending on the tickets though due (with the grace for the last).
  const recorded = (
    await client.query<{ ticket_id: string; key: string; at: Date; due: string }>(
      `SELECT ticket_id, idempotency_key AS key, created_at AS at, data->>'dueAt' AS due
         FROM ticket_events WHERE kind IN ('sla', 'escalated') AND idempotency_key IS NOT NULL`,
    )
  ).rows;
  const seen = new Map<string, number>();
  for (const row of recorded) seen.set(`${row.ticket_id} ${row.key}`, (seen.get(`${row.ticket_id} ${row.key}`) ?? 0) + 1);
  const missing = (
    await client.query<{ count: string }>(
      `SELECT count(*) FROM tickets t, jsonb_array_elements(t.sla_alarms) a
        WHERE (a->>'fireAt')::timestamptz < $1::timestamptz - make_interval(secs => $2)`,
      [checkedAt, graceSeconds],
    )
  ).rows[0]!.count;
  const lags = recorded
    .filter((row) => row.due)
    .map((row) => ({ ms: row.at.getTime() - new Date(row.due).getTime(), due: new Date(row.due).getTime() }));
  const afterKill = (due: number) => killTimes.some((kill) => kill <= due && due - kill < 70_000);
  const lagOf = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const alarms = {
    recorded: recorded.length,
    duplicates: [...seen.values()].filter((count) => count > 1).length,
    early: lags.filter((lag) => lag.ms < 0).length,
    dueButMissing: Number(missing),
  };

  // Jobs: none active or waiting for longer than the grace, counted from when it was due to run (delayed jobs for
  // future alarms are expected, and so are the few an alarm of the last seconds has just enqueued), nor than a killed
  // worker's job takes to come back (its lock expires, then two stalled-job checks: 90 s).
  const { Queue } = await import("bullmq");
  const connection = { host: "127.0.0.1", port: stores.redis.port };
  const prefix = `${stores.workerEnvironment.REDIS_PREFIX}:bull`;
  const stuck: string[] = [];
  for (const name of ["mail", "sla", "maintenance"]) {
    const queue = new Queue(name, { connection, prefix });
    for (const state of ["active", "waiting"] as const)
      for (const job of await queue.getJobs([state])) {
        const waited = checkedAt.getTime() - (job.timestamp + (job.delay ?? 0));
        if (waited > Math.max(graceSeconds * 1000, STALLED_JOB_BACK_MS))
          stuck.push(
            `${job.name} ${job.id} ${state} ${(waited / 1000).toFixed(0)} s (${job.attemptsMade} attempts, stalled ${job.stalledCounter})`,
          );
      }
    await queue.close();
  }
  if (stuck.length) log(`stuck jobs: ${stuck.slice(0, 20).join("; ")}`);
  const stuckJobs = stuck.length;

  // What the e-mails left pending were doing: their attempts, last error, age, and their job's state in Redis.
  const pendingRows = (
    await client.query<{ id: string; attempts: number; last_error: string | null; age: number }>(
      `SELECT id, attempts, last_error, extract(epoch FROM $1::timestamptz - created_at)::int AS age
         FROM outbox_emails WHERE status = 'pending' AND created_at < $1::timestamptz - make_interval(secs => $2)
        ORDER BY created_at LIMIT 2000`,
      [checkedAt, graceSeconds],
    )
  ).rows;
  if (pendingRows.length) {
    const pendingStates: Record<string, number> = {};
    const mail = new Queue("mail", { connection, prefix });
    for (const row of pendingRows) {
      const state = (await (await mail.getJob(row.id))?.getState()) ?? "no job";
      const label = `${state}, ${row.attempts} attempts${row.last_error ? ` (${row.last_error.slice(0, 60)})` : ""}`;
      pendingStates[label] = (pendingStates[label] ?? 0) + 1;
    }
    await mail.close();
    const ages = pendingRows.map((row) => row.age);
    log(`pending e-mails: ages ${Math.min(...ages)}–${Math.max(...ages)} s; ${JSON.stringify(pendingStates)}`);
  }
  return {
    filings,
    emails,
    alarms,
    lag: {
      normal: lagOf(lags.filter((lag) => !afterKill(lag.due)).map((lag) => lag.ms)),
      afterKill: lagOf(lags.filter((lag) => afterKill(lag.due)).map((lag) => lag.ms)),
    },
    stuckJobs,
  };
}

/** The API over HTTP, as a client sees it (a cut connection throws). */
function httpApi(baseUrl: string): FaultApi {
  const request: FaultApi["request"] = async (init) => {
    const response = await fetch(`${baseUrl}${init.path}`, {
      method: init.method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        "content-type": "application/json",
        ...(init.key ? { "idempotency-key": init.key } : {}),
      },
      body: JSON.stringify(init.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      retryAfterSeconds: Number(response.headers.get("retry-after") ?? 1),
    };
  };
  return {
    request,
    signIn: async (email) => {
      const answer = await request({ method: "POST", path: "/api/v1/tokens", token: "", body: { email, password: DEMO_PASSWORD } });
      if (answer.status !== 201) throw new Error(`sign-in of ${email}: ${answer.status}`);
      return String(answer.body.token);
    },
  };
}

/** The bench's run: private PostgreSQL and Redis, the bench build of the app, a real worker; then the counts. */
async function runBenchScenario(options: FaultOptions): Promise<FaultReport> {
  const postgres = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  const capture = await startSmtpCapture();
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), "guichet-faults-uploads-"));
  let app: ChildProcess | undefined;
  try {
    const databaseUrl = postgres.url("guichet_faults");
    const { migrateDatabase } = await import("@/db/migrator");
    const { createDatabase } = await import("@/db/client");
    const { seed } = await import("@/db/seed/seed");
    await migrateDatabase(databaseUrl);
    const seeded = createDatabase(databaseUrl);
    await seed(seeded.db, { demo: true });
    await seeded.pool.end();
    const schools = await prepareFaultDatabase(databaseUrl, options.minutes);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const environment = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: "faults",
      APP_URL: baseUrl,
      AUTH_SECRET: "faults-secret-that-is-long-enough-0123456789",
      SMTP_URL: `smtp://127.0.0.1:${capture.port}`,
      MAIL_FROM: "Guichet <no-reply@guichet.test>",
      UPLOAD_DIR: uploadDir,
      LOG_LEVEL: "error",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    app = await startApp(environment, port);
    return await runFaultLoad(
      options,
      { databaseUrl, redis, postgres, capture, workerEnvironment: environment },
      httpApi(baseUrl),
      schools,
    );
  } finally {
    if (app) await stopApp(app);
    await capture.close();
    await redis.destroy();
    postgres.destroy();
    await rm(uploadDir, { recursive: true, force: true });
  }
}

/** " (nearest SIGKILL 12 ms, -30 ms from the first copy)": the evidence of each e-mail captured twice. */
function twiceEvidence(twice: EmailTwice[]): string {
  if (twice.length === 0) return "";
  return ` (nearest SIGKILL ${twice.map((entry) => (entry.killMs === null ? "none" : `${entry.killMs} ms`)).join(", ")} from the first copy)`;
}

/** `npm run bench -- --only faults`: the issue's run (1,000 tickets over 3 minutes, 20 kills), its counts, exit 1 on any loss. */
export async function runFaults(argv: readonly string[]): Promise<boolean> {
  const { ensureBuild } = await import("./app");
  const built = ensureBuild(argv.includes("--build"));
  const options: FaultOptions = {
    tickets: positiveInteger(option(argv, "tickets"), 1000, "tickets"),
    seconds: positiveInteger(option(argv, "seconds"), 180, "seconds"),
    kills: positiveInteger(option(argv, "kills"), 20, "kills"),
    redisFlush: true,
    redisRestart: true,
    postgresRestart: true,
    minutes: { own: 2, resolve: 4 },
    drainSeconds: positiveInteger(option(argv, "drain"), 360, "drain"),
    graceSeconds: 70,
  };
  const report = await runBenchScenario(options);
  const ms = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(1)} s` : "–");
  console.log(
    `\nFaults run: ${options.tickets} tickets over ${options.seconds} s; ${built}; load average ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(" / ")}\n`,
  );
  console.log(
    table(
      ["what", "figures"],
      [
        [
          "faults",
          `${report.faults.kills} worker SIGKILLs, ${report.faults.redisFlushes} Redis flush, ${report.faults.redisRestarts} Redis restart, ${report.faults.postgresRestarts} PostgreSQL restart; ${report.faults.answers503} answers 503; ${report.faults.unexpectedWorkerExits} worker exits besides the kills`,
        ],
        [
          "filings",
          `${report.filings.answered201} answered 201, ${report.filings.inDatabase} in the database, ${report.filings.duplicates} duplicates, ${report.filings.createdWithout201} created without a 201, ${report.filings.missing} missing (${report.filings.retries} client retries)`,
        ],
        [
          "e-mails",
          `${report.emails.due} due, ${report.emails.sent} sent, ${report.emails.captured} captured, ${report.emails.capturedTwice} twice${twiceEvidence(report.emails.twice)}, ${report.emails.neverCaptured} lost, ${report.emails.pendingLeft} pending`,
        ],
        [
          "SLA alarms",
          `${report.alarms.recorded} recorded, ${report.alarms.duplicates} twice, ${report.alarms.early} early, ${report.alarms.dueButMissing} due but missing`,
        ],
        [
          "SLA lag p50 / p99",
          `normally ${ms(report.lag.normal.p50)} / ${ms(report.lag.normal.p99)} (n ${report.lag.normal.n}); within 70 s after a SIGKILL ${ms(report.lag.afterKill.p50)} / ${ms(report.lag.afterKill.p99)} (n ${report.lag.afterKill.n})`,
        ],
        ["jobs stuck", String(report.stuckJobs)],
      ],
    ),
  );
  const jsonPath = option(argv, "json");
  if (jsonPath) await writeFile(jsonPath, `${JSON.stringify({ at: new Date().toISOString(), options, report }, null, 2)}\n`);
  for (const problem of report.problems) console.error(`[faults] ${problem}`);
  return report.problems.length === 0;
}
