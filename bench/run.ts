/**
 * Latency of the technicians' queue endpoint on a volume database (issue target: p95 under 150 ms on the server).
 *
 *   npm run bench -- [--db guichet_bench] [--fresh] [--build] [--requests 200] [--warmup 20] [--only <text>] [--json <file>]
 *   npm run bench -- --only abuse [--build] [--parallel 20] [--megabytes 50] [--json <file>]   (bench/abuse.ts: oversized bodies, no volume)
 *   npm run bench -- --only notifications [--tickets 500] [--seconds 60] [--json <file>]   (bench/notifications.ts: the fan-out, no volume)
 *   npm run bench -- --only articles [--articles 2000] [--json <file>]   (bench/articles.ts: article search, no volume)
 *   npm run bench -- --only mail-in [--mails 1000] [--json <file>]   (bench/mail-in.ts: a mailbox read by the worker, no volume)
 *   npm run bench -- --only faults [--build] [--tickets 1000] [--seconds 180] [--kills 20] [--drain 360] [--json <file>]   (bench/faults.ts: private stores)
 *   npm run bench -- --only sla-burst [--timers 10000] [--lead 330] [--json <file>]   (bench/sla-burst.ts: 10,000 SLA timers due in one minute, no volume)
 *   npm run bench -- --only create-load [--build] [--clients 20] [--seconds 60] [--json <file>]   (bench/create-load.ts: filing under load, no volume)
 *
 * Seeds the bench database unless it already holds the volume (--fresh rebuilds it), builds the app into
 * .next-bench unless a build is there (--build rebuilds it), starts it (server.mjs, as `npm run start`) against it with its own
 * Redis prefix, signs in once per account, then times each scenario's sequential requests (wall time of
 * `fetch` on loopback) after a warm-up. Reports; exits non-zero only when something broke.
 */
import { writeFile } from "node:fs/promises";
import { Client } from "pg";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { runAbuse } from "./abuse";
import { runArticleBench } from "./articles";
import { runCreateLoad } from "./create-load";
import { runFaults } from "./faults";
import { runNotificationBench } from "./notifications";
import { runMailInBench } from "./mail-in";
import { runSlaBurst } from "./sla-burst";
import { ensureBuild, startBenchApp, type RunningApp } from "./app";
import { TARGET_P95_MS, defaultDatabase, flag, option, positiveInteger, volumeFor } from "./config";
import { requestToken, timedGet } from "./http";
import { CMDB_SCENARIOS } from "./cmdb-scenarios";
import { DASHBOARD_ACCOUNTS, DASHBOARD_SCENARIOS } from "./dashboard-scenarios";
import { measureRegionDashboards } from "./region-dashboard";
import { LIST_ACCOUNTS, LIST_SCENARIOS } from "./list-scenarios";
import { QUEUE_ACCOUNTS, QUEUE_SCENARIOS } from "./queue-scenarios";
import { context, machine, resultsTable } from "./report";
import { measure, type Actor, type Scenario, type ScenarioResult, type ScenarioSetup } from "./scenario";
import { seedVolume } from "./seed-volume";

async function postgresFacts(client: Client): Promise<{ version: string; settings: string }> {
  const {
    rows: [row],
  } = await client.query<{ version: string; shared_buffers: string; work_mem: string; effective_cache_size: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
            current_setting('work_mem') AS work_mem, current_setting('effective_cache_size') AS effective_cache_size`,
  );
  return {
    version: `PostgreSQL ${row!.version}`,
    settings: `shared_buffers ${row!.shared_buffers}, work_mem ${row!.work_mem}, effective_cache_size ${row!.effective_cache_size}`,
  };
}

/** Each HTTP scenario against the started app, as the accounts' bearer tokens. */
async function measureHttp(
  baseUrl: string,
  client: Client,
  scenarios: readonly Scenario[],
  { warmup, requests }: { warmup: number; requests: number },
): Promise<ScenarioResult[]> {
  const tokens: Record<Actor, string> = {
    technician: await requestToken(baseUrl, QUEUE_ACCOUNTS.technician, DEMO_PASSWORD),
    admin: await requestToken(baseUrl, QUEUE_ACCOUNTS.admin, DEMO_PASSWORD),
    manager: await requestToken(baseUrl, DASHBOARD_ACCOUNTS.manager, DEMO_PASSWORD),
    sectorLead: await requestToken(baseUrl, DASHBOARD_ACCOUNTS.sectorLead, DEMO_PASSWORD),
    requester: await requestToken(baseUrl, LIST_ACCOUNTS.requester, DEMO_PASSWORD),
  };
  const setup: ScenarioSetup = {
    get: async (path, actor) => {
      const answer = await timedGet(`${baseUrl}${path}`, tokens[actor]);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      return answer.body;
    },
    query: async <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
  };

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const result = await measure(scenario, setup, { baseUrl, tokens, warmup, requests });
    console.log(`[bench] ${result.name}: p50 ${result.wall.p50.toFixed(1)} ms, p95 ${result.wall.p95.toFixed(1)} ms`);
    results.push(result);
  }

  return results;
}

async function main(argv: readonly string[]): Promise<void> {
  if (option(argv, "only") === "abuse") {
    if (!(await runAbuse(argv, flag(argv, "build")))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "articles") {
    if (!(await runArticleBench(argv))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "mail-in") {
    if (!(await runMailInBench(argv))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "create-load") {
    if (!(await runCreateLoad(argv, flag(argv, "build")))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "faults") {
    if (!(await runFaults(argv))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "sla-burst") {
    if (!(await runSlaBurst(argv))) process.exitCode = 1;
    return;
  }
  if (option(argv, "only") === "notifications") {
    if (!(await runNotificationBench(argv))) process.exitCode = 1;
    return;
  }
  const scale = volumeFor(argv);
  const name = option(argv, "db") ?? process.env.BENCH_DATABASE ?? defaultDatabase(scale);
  const requests = positiveInteger(option(argv, "requests"), 200, "requests");
  const warmup = positiveInteger(option(argv, "warmup"), 20, "warmup");
  const only = option(argv, "only");
  const scenarios = [...QUEUE_SCENARIOS, ...LIST_SCENARIOS, ...CMDB_SCENARIOS, ...DASHBOARD_SCENARIOS].filter(
    (scenario) => !only || scenario.name.includes(only),
  );

  const volume = await seedVolume({ volume: scale, name, fresh: flag(argv, "fresh") });
  const seeding = volume.seeded ? `seeded in ${volume.seconds.toFixed(0)} s` : "reused (--fresh to reseed)";
  // The Région-wide dashboards are timed in this process: with only them selected, neither the build nor the app is needed.
  const build = scenarios.length ? ensureBuild(flag(argv, "build")) : "none (in-process scenarios only)";
  console.log(`[bench] ${build}`);

  const client = new Client({ connectionString: volume.databaseUrl });
  await client.connect();
  let app: RunningApp | undefined;
  // Ctrl-C skips `finally`: the server runs in its own process group and would outlive us.
  const interrupted = (signal: NodeJS.Signals) => {
    void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const postgres = await postgresFacts(client);
    const results: ScenarioResult[] = [];
    if (scenarios.length) {
      app = await startBenchApp(volume.databaseUrl, `${name}_${process.pid}`);
      results.push(...(await measureHttp(app.baseUrl, client, scenarios, { warmup, requests })));
    }

    if (!only || "dashboard: Région".includes(only) || only.startsWith("dashboard: Région") || only.startsWith("dashboard: every")) {
      results.push(...(await measureRegionDashboards(volume.databaseUrl, { warmup, requests, only })));
    }

    const host = machine(postgres.version, postgres.settings);
    console.log(
      `\nGET /api/v1/queues/…, /api/v1/cis… and /api/v1/dashboards/… — ${requests} sequential requests per scenario after ${warmup} warm-up ones, wall time of fetch on loopback\n`,
    );
    console.log(`${context(host, volume.counts, seeding)}\napp: ${build}`);
    console.log(`\n${resultsTable(results, TARGET_P95_MS)}\n`);
    const failing = results.filter((result) => result.wall.p95 >= (result.target ?? TARGET_P95_MS));
    console.log(
      failing.length
        ? `${failing.length} scenario(s) at or above their p95 target.`
        : `Every scenario under its p95 target (${TARGET_P95_MS} ms unless said).`,
    );

    const jsonPath = option(argv, "json");
    if (jsonPath) {
      await writeFile(
        jsonPath,
        `${JSON.stringify({ at: new Date().toISOString(), host, counts: volume.counts, requests, warmup, targetP95Ms: TARGET_P95_MS, results }, null, 2)}\n`,
      );
      console.log(`results written to ${jsonPath}`);
    }
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await app?.stop();
    await client.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
