import { Queue } from "bullmq";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { database } from "@/db/client";
import { dashboardSummaries, tickets, ticketRatings } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { resolvePeriod, type Period, type PeriodKind } from "@/lib/domain/dashboard-period";
import { SUMMARY_EVERY_MINUTES, SUMMARY_PERIOD_KINDS } from "@/lib/domain/dashboard-summary";
import { env } from "@/lib/env";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { readRegionalView } from "@/lib/services/dashboards/dashboard-summaries";
import { readRegionalDashboard } from "@/lib/services/dashboards/regional-dashboard";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { startWorkers } from "@/workers/start";
import { callerFor, ok } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { deleteRedisKeys } from "../support/test-database";

/**
 * The every-school dashboard's summaries (issue 19): the worker's refreshDashboardSummaries job writes one per preset,
 * the page's service serves it with its time, and the figures are those the live computation gives at that time.
 */

let admin: Caller, serviceLead: Caller, sectorLead: Caller;
let dropOwnDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await deleteRedisKeys(env().REDIS_PREFIX);
  await dropOwnDatabase?.();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const preset = (kind: PeriodKind, now: Date): Period => {
  const resolved = resolvePeriod({ kind }, parisDay(now));
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.period;
};

beforeAll(async () => {
  // Queues of its own: an earlier file's workers left the schedulers in the run's namespace, and an existing `every`
  // scheduler does not run at once when upserted again (the first test below waits for that first run).
  process.env.REDIS_PREFIX = `${inject("redisPrefix")}_summaries`;
  // The job computes every school's figures: a database of its own, so no other file's tickets move them under the test.
  dropOwnDatabase = await useOwnDatabase("summ");
  expect(env().REDIS_PREFIX).toBe(process.env.REDIS_PREFIX);
  [admin, serviceLead, sectorLead] = await Promise.all([
    callerFor("admin@guichet.test"),
    callerFor("chef.service@guichet.test"),
    callerFor("chef.ouest@guichet.test"),
  ]);
  const csl = await callerFor("csl.choiseul@guichet.test");
  const technician = await callerFor("tech.ouest@guichet.test");
  // Tickets in every preset period: one filed 40 days ago (in 90 days, not in 30), two recent ones; the first two taken
  // an hour after filing and resolved two hours ago (so the worker's closing of stale resolutions leaves them be).
  const filed = [];
  for (const hours of [40 * 24, 50, 3]) {
    const created = await ok(
      createTicket(
        csl,
        {
          type: "incident",
          serviceCode: "POSTE",
          categoryCode: "POSTE-PANNE",
          establishmentUai: "0370037P",
          title: "Le poste ne démarre plus",
          description: "Écran noir.",
          impact: "group",
          urgency: "high",
          fields: {},
          ciIds: [],
        },
        [],
        hoursAgo(hours),
      ),
    );
    filed.push({ reference: created.reference, hours });
  }
  for (const { reference, hours } of filed.slice(0, 2)) {
    await ok(updateTicket(technician, reference, { assignee: "me" }, hoursAgo(hours - 1)));
    await ok(updateTicket(technician, reference, { status: "resolved", message: "Réparé." }, hoursAgo(2)));
  }
  const [first] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, filed[0]!.reference));
  await database()
    .insert(ticketRatings)
    .values({ ticketId: first!.id, score: 4, createdAt: hoursAgo(1) });
});

test("before the first run the view is computed on demand and says its summary is being prepared", async () => {
  const now = new Date();
  const view = await ok(readRegionalView(admin, null, preset("90d", now), now));
  expect(view.summary).toEqual({ state: "pending", everyMinutes: SUMMARY_EVERY_MINUTES });
  expect(view.dashboard).toEqual(await ok(readRegionalDashboard(admin, null, preset("90d", now), now)));
  expect(view.dashboard.opened.total).toBeGreaterThan(0);
});

test("the worker's job summarizes each preset; the page serves it with its time, equal to the live figures at that time", async () => {
  const stop = await startWorkers();
  try {
    // An `every` scheduler runs at once when upserted.
    await expect
      .poll(async () => (await database().select({ kind: dashboardSummaries.periodKind }).from(dashboardSummaries)).length, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(SUMMARY_PERIOD_KINDS.length);
  } finally {
    await stop();
  }
  const rows = await database().select().from(dashboardSummaries).orderBy(asc(dashboardSummaries.periodKind));
  for (const row of rows) {
    const computedAt = row.computedAt;
    const period = preset(row.periodKind, computedAt);
    expect({ from: row.periodFrom, to: row.periodTo }).toEqual({ from: period.from, to: period.to });
    const served = await ok(readRegionalView(admin, null, period, new Date()));
    expect(served.summary).toEqual({ state: "served", everyMinutes: SUMMARY_EVERY_MINUTES });
    expect(served.dashboard.computedAt).toBe(computedAt.toISOString());
    // Figures identical to the live computation as of the summary's time (nothing changed since).
    expect(served.dashboard).toEqual(await ok(readRegionalDashboard(admin, null, period, computedAt)));
    // Every reader of every zone gets the same summary.
    expect(await ok(readRegionalView(serviceLead, null, period, new Date()))).toEqual(served);
  }
  const ninety = rows.find((row) => row.periodKind === "90d")!;
  expect(ninety.figures.opened.total).toBe(3);
  expect(ninety.figures.resolved.total).toBe(2);
  expect(ninety.figures.satisfaction).toEqual({ average: 4, count: 1 });

  // Views the worker does not summarize stay computed on demand, and say nothing of a summary.
  const now = new Date();
  const custom: Period = { ...preset("90d", now), kind: "custom" };
  for (const [caller, zone, period] of [
    [admin, null, custom],
    [admin, "OUEST", preset("90d", now)],
    [sectorLead, null, preset("90d", now)],
  ] as const) {
    const view = await ok(readRegionalView(caller, zone, period, now));
    expect(view.summary).toBeNull();
    expect(view.dashboard.computedAt).toBe(now.toISOString());
  }
});

test("a Redis flush loses neither the summaries nor their schedule: the worker upserts it again and the job runs again", async () => {
  const stop = await startWorkers();
  const queue = new Queue("maintenance", { connection: queueConnection(), prefix: queuePrefix() });
  const poll = { timeout: 30_000, interval: 200 };
  try {
    await expect
      .poll(async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key), poll)
      .toContain("refreshDashboardSummaries");
    const latest = async () =>
      (
        await database()
          .select({ at: dashboardSummaries.computedAt })
          .from(dashboardSummaries)
          .where(eq(dashboardSummaries.periodKind, "90d"))
      )[0]!.at;
    // The run of this start has written before the flush, so the next write is the rescheduled job's.
    await expect.poll(async () => (await latest()).getTime(), poll).toBeGreaterThan(Date.now() - 30_000);
    const before = await latest();
    // FLUSHALL would wipe the other runs sharing this Redis: delete this namespace, which is all the app has there.
    await deleteRedisKeys(env().REDIS_PREFIX);
    expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).not.toContain("refreshDashboardSummaries");
    expect((await database().select().from(dashboardSummaries)).length).toBe(SUMMARY_PERIOD_KINDS.length);
    await expect
      .poll(async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key), poll)
      .toContain("refreshDashboardSummaries");
    await expect.poll(async () => (await latest()).getTime(), poll).toBeGreaterThan(before.getTime());
  } finally {
    await queue.close();
    await stop();
  }
});
