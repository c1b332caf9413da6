/**
 * Ticket creation under load (issue 19): concurrent clients filing through POST /api/v1/tickets against the built
 * app, then the same with two web processes on one database; web and worker resident memory at rest and after.
 *
 *   npm run bench -- --only create-load [--build] [--clients 20] [--seconds 60] [--json <file>]
 *
 * On a throw-away database (migrations and the demo seed) and Redis prefix, with a real worker (`npm run worker`)
 * sending the outbox to a local SMTP capture: each filing is a real one (routing, SLA, in-app and outbox rows in its
 * transaction, SLA timers and mail jobs after commit). The admin files network incidents for the 20 schools in turn
 * (each client keeps one request in flight, loopback, keep-alive). Phase 1: one web process, `--clients` clients for
 * `--seconds`. Phase 2: a second web process (another port, same database and Redis prefix), the clients split
 * between the two. Reports tickets/s, p50/p95/p99 of the wall time of each request, errors, the CPU per ticket of the
 * web, the worker, PostgreSQL, Redis and the bench's own process (its clients, over node:http, and the SMTP capture),
 * and VmRSS of the web process and of the worker's process tree (tsx and its node) at rest, at the end of each phase,
 * and their VmHWM.
 * Fails (exit 1) on any answer other than 201.
 */
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { writeFile } from "node:fs/promises";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { startWorker, stopApp } from "@/tests/support/app-server";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { createTestStores, testEnvironment } from "@/tests/support/test-database";
import { ensureBuild, startBenchApp, type RunningApp } from "./app";
import { option, positiveInteger } from "./config";
import { leanPost, requestToken } from "./http";
import { memoryOf, postgresCpuMs, processTree, redisCpuMs, treeCpuMs, treeRss } from "./memory";
import { table } from "./report";
import { percentile } from "./stats";

const MEGABYTE = 1024 * 1024;
const GOALS = { ticketsPerSecond: 100, p95Ms: 250, webMb: 400, workerMb: 300 };

type Answer = { ms: number; status: number; port: string };
type PhaseResult = {
  name: string;
  clients: number;
  seconds: number;
  created: number;
  errors: Record<string, number>;
  perSecond: number;
  perProcess: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  loadAverage: number[];
  /** CPU milliseconds per created ticket: web processes, worker, PostgreSQL backends of the database, Redis. */
  cpuMsPerTicket?: { web: number; worker: number; postgres: number; redis: number };
  /** CPU milliseconds per created ticket of the bench's own process: its clients and the SMTP capture, on the same cores. */
  benchCpuMsPerTicket: number;
};

/** CPU used by the web processes, the worker, the database's backends and Redis since `before` (a snapshot of the same). */
function cpuSnapshot(webPids: number[], workerPid: number, database: string) {
  return {
    web: webPids.reduce((sum, pid) => sum + treeCpuMs(pid), 0),
    worker: treeCpuMs(workerPid),
    postgres: postgresCpuMs(database),
    redis: redisCpuMs(),
  };
}
function cpuSince(before: ReturnType<typeof cpuSnapshot>, after: ReturnType<typeof cpuSnapshot>, tickets: number) {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return {
    web: (after.web - before.web) / tickets,
    worker: (after.worker - before.worker) / tickets,
    postgres: postgres / tickets,
    redis: (after.redis - before.redis) / tickets,
  };
}

const body = (index: number, uai: string) =>
  JSON.stringify({
    type: "incident",
    serviceCode: "RESEAU",
    categoryCode: "RES-PANNE",
    establishmentUai: uai,
    title: `Plus de réseau en salle ${100 + (index % 300)}`,
    description: "Aucun poste de la salle ne se connecte depuis ce matin.",
    impact: "group",
    urgency: "high",
    fields: { rooms: `S${index % 300}` },
  });

/** `clients` loops, each keeping one POST in flight until `seconds` have passed; client i files on `baseUrls[i % n]`. */
async function load(baseUrls: readonly string[], token: string, schools: readonly string[], clients: number, seconds: number) {
  const answers: Answer[] = [];
  const errors: string[] = [];
  const until = performance.now() + seconds * 1000;
  let counter = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const baseUrl = baseUrls[client % baseUrls.length]!;
      const port = new URL(baseUrl).port;
      while (performance.now() < until) {
        const index = counter++;
        const sent = performance.now();
        try {
          const response = await leanPost(
            agent,
            `${baseUrl}/api/v1/tickets`,
            { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
            body(index, schools[index % schools.length]!),
            30_000,
          );
          answers.push({ ms: performance.now() - sent, status: response.status, port });
          if (response.status !== 201 && errors.length < 5) errors.push(`${response.status} ${response.text().slice(0, 300)}`);
        } catch (error) {
          answers.push({ ms: performance.now() - sent, status: 0, port });
          if (errors.length < 5) errors.push((error as Error).message);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { answers, errors, elapsed, benchCpuMs: (cpu.user + cpu.system) / 1000 };
}

function summarizePhase(name: string, clients: number, run: Awaited<ReturnType<typeof load>>): PhaseResult {
  const created = run.answers.filter((answer) => answer.status === 201);
  const times = run.answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const answer of run.answers) if (answer.status !== 201) errors[String(answer.status)] = (errors[String(answer.status)] ?? 0) + 1;
  const perProcess: Record<string, number> = {};
  for (const answer of created) perProcess[answer.port] = (perProcess[answer.port] ?? 0) + 1;
  for (const port of Object.keys(perProcess)) perProcess[port] = perProcess[port]! / run.elapsed;
  for (const error of run.errors) console.error(`[create-load] ${name}: ${error}`);
  return {
    name,
    clients,
    seconds: run.elapsed,
    created: created.length,
    errors,
    perSecond: created.length / run.elapsed,
    perProcess,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    loadAverage: os.loadavg(),
    benchCpuMsPerTicket: run.benchCpuMs / created.length,
  };
}

export async function runCreateLoad(argv: readonly string[], build: boolean): Promise<boolean> {
  const clients = positiveInteger(option(argv, "clients"), 20, "clients");
  const seconds = positiveInteger(option(argv, "seconds"), 60, "seconds");
  const built = ensureBuild(build);
  console.log(`[create-load] ${built}`);
  const stores = await createTestStores("bench_create");
  const capture = await startSmtpCapture();
  const environment = testEnvironment(stores, { SMTP_URL: `smtp://127.0.0.1:${capture.port}` });
  const apps: RunningApp[] = [];
  let worker: ChildProcess | undefined;
  const stopAll = async () => {
    for (const app of apps.splice(0)) await app.stop();
    if (worker) await stopApp(worker);
    await capture.close();
    await stores.drop();
  };
  const interrupted = (signal: NodeJS.Signals) => void stopAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: stores.databaseUrl });
    await client.connect();
    const schools = (await client.query<{ uai: string }>("SELECT uai FROM establishments ORDER BY uai")).rows.map((row) => row.uai);

    apps.push(await startBenchApp(stores.databaseUrl, stores.redisPrefix));
    worker = startWorker(environment);
    const token = await requestToken(apps[0]!.baseUrl, "admin@guichet.test", DEMO_PASSWORD);
    // Warm-up: the routes compile their modules and the pools fill; not counted.
    await load([apps[0]!.baseUrl], token, schools, clients, 5);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the worker drains the warm-up and settles
    const mb = (bytes: number) => bytes / MEGABYTE;
    const memory = () => ({ webMb: mb(treeRss(apps[0]!.pid)), workerMb: mb(treeRss(worker!.pid!)) });
    const atRest = memory();

    const database = new URL(stores.databaseUrl).pathname.slice(1);
    const cpuBeforeOne = cpuSnapshot([apps[0]!.pid], worker.pid!, database);
    const one = summarizePhase("one web process", clients, await load([apps[0]!.baseUrl], token, schools, clients, seconds));
    one.cpuMsPerTicket = cpuSince(cpuBeforeOne, cpuSnapshot([apps[0]!.pid], worker.pid!, database), one.created);
    const afterOne = memory();
    console.log(`[create-load] ${one.name}: ${one.perSecond.toFixed(1)} tickets/s, p95 ${one.p95.toFixed(0)} ms`);

    apps.push(await startBenchApp(stores.databaseUrl, stores.redisPrefix));
    await load([apps[1]!.baseUrl], token, schools, clients, 5);
    const cpuBeforeTwo = cpuSnapshot(
      apps.map((app) => app.pid),
      worker.pid!,
      database,
    );
    const two = summarizePhase(
      "two web processes",
      clients,
      await load(
        apps.map((app) => app.baseUrl),
        token,
        schools,
        clients,
        seconds,
      ),
    );
    two.cpuMsPerTicket = cpuSince(
      cpuBeforeTwo,
      cpuSnapshot(
        apps.map((app) => app.pid),
        worker.pid!,
        database,
      ),
      two.created,
    );
    const afterTwo = memory();
    const peaks = {
      webMb: mb(Math.max(...processTree(apps[0]!.pid).map((pid) => memoryOf(pid).hwm))),
      workerMb: mb(Math.max(...processTree(worker.pid!).map((pid) => memoryOf(pid).hwm))),
    };
    // Everything the worker was asked to send, sent: the load did not leave the outbox behind. How fast the worker
    // sends what was left when the load stopped, alone on the machine, is its mail throughput.
    const pending = async () =>
      Number((await client.query<{ count: string }>("SELECT count(*) FROM outbox_emails WHERE status = 'pending'")).rows[0]!.count);
    const backlog = await pending();
    const drainStarted = performance.now();
    const deadline = Date.now() + 120_000;
    let unsent = backlog;
    while (unsent > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      unsent = await pending();
    }
    const drain = { backlog, seconds: (performance.now() - drainStarted) / 1000 };
    await client.end();

    const f = (value: number, digits = 0) => value.toFixed(digits);
    const load1 = (phase: PhaseResult) => phase.loadAverage.map((value) => value.toFixed(1)).join(" / ");
    console.log(`\nPOST /api/v1/tickets, ${clients} concurrent clients × ${seconds} s, loopback; ${built}\n`);
    console.log(
      table(
        [
          "phase",
          "created",
          "tickets/s",
          "per process tickets/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "errors",
          "CPU ms/ticket web + worker + PostgreSQL + Redis",
          "CPU ms/ticket of the bench (clients, SMTP capture)",
          "load average 1/5/15",
        ],
        [one, two].map((phase) => [
          phase.name,
          String(phase.created),
          f(phase.perSecond, 1),
          Object.values(phase.perProcess)
            .map((value) => f(value, 1))
            .join(" + "),
          f(phase.p50),
          f(phase.p95),
          f(phase.p99),
          f(phase.max),
          Object.entries(phase.errors)
            .map(([status, count]) => `${count} × ${status}`)
            .join(", ") || "0",
          phase.cpuMsPerTicket
            ? `${f(phase.cpuMsPerTicket.web, 1)} + ${f(phase.cpuMsPerTicket.worker, 1)} + ${f(phase.cpuMsPerTicket.postgres, 1)} + ${f(phase.cpuMsPerTicket.redis, 1)}`
            : "",
          f(phase.benchCpuMsPerTicket, 1),
          load1(phase),
        ]),
      ),
    );
    console.log(
      `\n${table(
        ["process", "RSS at rest MB", "after one web process MB", "after two MB", "VmHWM MB", "goal MB"],
        [
          ["web (first)", f(atRest.webMb), f(afterOne.webMb), f(afterTwo.webMb), f(peaks.webMb), String(GOALS.webMb)],
          [
            "worker (tsx + node)",
            f(atRest.workerMb),
            f(afterOne.workerMb),
            f(afterTwo.workerMb),
            f(peaks.workerMb),
            String(GOALS.workerMb),
          ],
        ],
      )}\n`,
    );
    console.log(
      `${
        unsent
          ? `outbox e-mails not sent 2 minutes after the load: ${unsent} of ${backlog}`
          : backlog
            ? `outbox e-mails pending when the load stopped: ${backlog}, all sent ${f(drain.seconds, 1)} s later (${f(backlog / drain.seconds)} e-mails/s)`
            : "outbox e-mails pending when the load stopped: 0"
      }; captured: ${capture.messages().length}`,
    );
    const jsonPath = option(argv, "json");
    if (jsonPath)
      await writeFile(
        jsonPath,
        `${JSON.stringify({ at: new Date().toISOString(), build: built, phases: [one, two], memory: { atRest, afterOne, afterTwo, peaks }, outbox: { ...drain, unsent } }, null, 2)}\n`,
      );
    const failed = [one, two].some((phase) => Object.keys(phase.errors).length > 0);
    if (failed) console.error("[create-load] errors:", JSON.stringify({ one: one.errors, two: two.errors }));
    return !failed && unsent === 0;
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await stopAll();
  }
}
