import os from "node:os";
import { BENCH_REDIS } from "./config";
import type { ScenarioResult } from "./scenario";
import { summarize } from "./stats";

/** Issue 19: the Région-wide dashboard within 1 s at p95 (national volume). */
export const REGION_DASHBOARD_TARGET_P95_MS = 1000;

/**
 * The Région-wide dashboard (`/tableaux-de-bord/region`, no zone chosen): the API serves one zone at a time, so the
 * page's service (`readRegionalView(caller, null, …)`) is timed in this process, as the page calls it, over the
 * default 90 days. One Région is the set of its zones (no Région entity, bench/volume/national.ts): timed for the
 * demo's Région (Centre-Val de Loire: EST, NORD, SUD, OUEST) as a reader who covers those zones, for the largest
 * added Région (Île-de-France, `IDF-*`) when the volume has it (both computed on demand), and for every school (the
 * admin's view) twice: computed on demand, as the page serves it before the worker's first summary (and the annual
 * report or a custom period always), then from the summary the `refreshDashboardSummaries` job keeps, after one run of
 * that job here (its time per preset is printed).
 */
export async function measureRegionDashboards(
  databaseUrl: string,
  options: { warmup: number; requests: number; only?: string },
): Promise<ScenarioResult[]> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: BENCH_REDIS,
    REDIS_PREFIX: `bench_region_${process.pid}`,
    APP_URL: "http://127.0.0.1:3000",
    AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789",
    SMTP_URL: "smtp://127.0.0.1:2525",
    MAIL_FROM: "Guichet <no-reply@guichet.test>",
    UPLOAD_DIR: "./.run/uploads",
    LOG_LEVEL: "warn",
  });
  const { database, closeDatabase } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const { loadCaller } = await import("@/lib/services/accounts/load-caller");
  const { readRegionalView, refreshDashboardSummaries } = await import("@/lib/services/dashboards/dashboard-summaries");
  const { resolvePeriod } = await import("@/lib/domain/dashboard-period");
  const { parisDay } = await import("@/lib/domain/business-calendar");
  const db = database();
  try {
    const ids = async (query: ReturnType<typeof sql>) => (await db.execute<{ id: string }>(query)).rows.map((row) => row.id);
    const [adminId] = await ids(sql`SELECT id FROM users WHERE email = 'admin@guichet.test'`);
    const [leadId] = await ids(sql`SELECT id FROM users WHERE email = 'chef.ouest@guichet.test'`);
    const admin = await loadCaller(adminId!);
    const lead = await loadCaller(leadId!);
    if (!admin || !lead) throw new Error("the demo's admin or sector lead is missing");
    const demoZones = await ids(sql`SELECT id FROM zones WHERE code IN ('EST', 'NORD', 'SUD', 'OUEST')`);
    const idfZones = await ids(sql`SELECT id FROM zones WHERE code LIKE 'IDF-%'`);
    // A reader who covers a Région's zones (a sector lead's scope widened to them): the page shows those zones.
    const regionReader = (zoneIds: string[]) => ({ ...lead, zoneId: zoneIds[0] ?? null, zoneIds });
    const everySchool = "dashboard: every school (admin), 90 days, in-process";
    const cases: Array<{ name: string; caller: typeof admin; summary?: "pending" | "served" }> = [
      { name: "dashboard: Région Centre-Val de Loire (4 zones), 90 days, in-process", caller: regionReader(demoZones) },
      ...(idfZones.length
        ? [{ name: `dashboard: Région Île-de-France (${idfZones.length} zones), 90 days, in-process`, caller: regionReader(idfZones) }]
        : []),
      { name: `${everySchool}, computed on demand`, caller: admin, summary: "pending" as const },
      { name: `${everySchool}, from the worker's summary`, caller: admin, summary: "served" as const },
    ];
    const results: ScenarioResult[] = [];
    // No summary before the "computed on demand" case, one run of the job before the "from the summary" one.
    await db.execute(sql`DELETE FROM dashboard_summaries`);
    for (const { name, caller, summary } of cases.filter((c) => !options.only || c.name.includes(options.only))) {
      if (summary === "served") {
        const runs = await refreshDashboardSummaries(new Date());
        console.log(`[bench] refreshDashboardSummaries: ${runs.map((run) => `${run.kind} ${run.ms} ms`).join(", ")}`);
      }
      const times: number[] = [];
      for (let i = 0; i < options.warmup + options.requests; i++) {
        const now = new Date();
        const resolved = resolvePeriod({ kind: "90d" }, parisDay(now));
        if (!resolved.ok) throw new Error(resolved.message);
        const started = performance.now();
        const found = await readRegionalView(caller, null, resolved.period, now);
        const ms = performance.now() - started;
        if (!found.ok) throw new Error(`${name}: ${JSON.stringify(found.failure)}`);
        if ((found.value.summary?.state ?? null) !== (summary ?? null))
          throw new Error(`${name}: served ${JSON.stringify(found.value.summary)}, expected ${summary ?? "no summary"}`);
        if (i >= options.warmup) times.push(ms);
      }
      results.push({
        name,
        path: "readRegionalView(caller, null, 90 days)",
        wall: summarize(times),
        serverTiming: null,
        items: null,
        target: REGION_DASHBOARD_TARGET_P95_MS,
        load: os.loadavg()[0],
      });
      console.log(`[bench] ${name}: p50 ${results.at(-1)!.wall.p50.toFixed(1)} ms, p95 ${results.at(-1)!.wall.p95.toFixed(1)} ms`);
    }
    return results;
  } finally {
    await closeDatabase();
  }
}
