/**
 * The notification fan-out (issue 14): 500 tickets filed within a minute across the 20 schools, each school with its
 * referent technician (mailed each time) in its zone's PROX team (whose other members get digest rows). Measures the
 * e-mails per minute a real worker sends to a local SMTP capture, and the worker's lag: from a filing's commit to its
 * referent's e-mail arriving.
 *
 *   npm run bench -- --only notifications [--tickets 500] [--seconds 60] [--json <file>]
 *
 * On a throw-away database (migrations and the demo seed) and Redis prefix; the tickets are filed in this process
 * through the real service (createTicket: routing, SLA, in-app rows and outbox rows in one transaction, jobs after
 * commit), paced evenly over the minute without waiting for each other. The capture is polled every 50 ms, so
 * arrival times are ±50 ms. Fails (exit 1) when a filing fails or an e-mail has not arrived 5 minutes after the last filing.
 */
import type { ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { eq, inArray, sql } from "drizzle-orm";
import { startWorker, stopApp } from "@/tests/support/app-server";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { createTestStores, testEnvironment } from "@/tests/support/test-database";
import { option, positiveInteger } from "./config";
import { table } from "./report";
import { summarize } from "./stats";

const DELIVERY_TIMEOUT_MS = 5 * 60_000;

export async function runNotificationBench(argv: readonly string[]): Promise<boolean> {
  const count = positiveInteger(option(argv, "tickets"), 500, "tickets");
  const seconds = positiveInteger(option(argv, "seconds"), 60, "seconds");
  const stores = await createTestStores("bench_notify");
  const capture = await startSmtpCapture();
  // Before anything reads the environment: this process files on the bench database and enqueues on its prefix.
  const environment = testEnvironment(stores, { SMTP_URL: `smtp://127.0.0.1:${capture.port}` });
  Object.assign(process.env, environment);
  const { database, closeDatabase } = await import("@/db/client");
  const { establishmentReferents, establishments, teamMembers, teams, users, zones, outboxEmails, notifications } =
    await import("@/db/schema");
  const { loadCaller } = await import("@/lib/services/accounts/load-caller");
  const { createTicket } = await import("@/lib/services/tickets/create-ticket");
  const { closeProducers } = await import("@/lib/queue/producer");
  const { closeRedis } = await import("@/lib/redis");
  const db = database();

  // A referent per school: a technician of its zone's PROX team, one each.
  const schools = await db
    .select({ id: establishments.id, uai: establishments.uai, zone: zones.code })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .orderBy(establishments.uai);
  const referentOf = new Map<string, string>();
  for (const school of schools) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(eq(teams.code, `PROX-${school.zone}`));
    const email = `referent.${school.uai.toLowerCase()}@bench.test`;
    const [person] = await db
      .insert(users)
      .values({ email, name: `Référent ${school.uai}`, role: "technician" })
      .returning({ id: users.id });
    if (team) await db.insert(teamMembers).values({ teamId: team.id, userId: person!.id });
    await db.insert(establishmentReferents).values({ establishmentId: school.id, referentId: person!.id });
    referentOf.set(school.uai, email);
  }
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@guichet.test"));
  const filer = (await loadCaller(admin!.id))!;

  let worker: ChildProcess | undefined;
  const arrivals = new Map<number, number>(); // capture index → first seen (ms)
  const watcher = setInterval(() => {
    const now = Date.now();
    for (let index = arrivals.size; index < capture.messages().length; index++) arrivals.set(index, now);
  }, 50);
  let ok = true;
  try {
    worker = startWorker(environment);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the worker starts (tsx, schedulers, SLA rebuild)

    const filed = new Map<string, { at: number; referent: string }>();
    const started = Date.now();
    const filings = Array.from(
      { length: count },
      (_, index) =>
        new Promise<void>((resolve) => {
          setTimeout(
            async () => {
              const school = schools[index % schools.length]!;
              const result = await createTicket(
                filer,
                {
                  type: "incident",
                  serviceCode: "RESEAU",
                  categoryCode: "RES-PANNE",
                  establishmentUai: school.uai,
                  title: `Plus de réseau en salle ${100 + index}`,
                  description: "Aucun poste ne se connecte.",
                  impact: "group",
                  urgency: "high",
                  fields: { rooms: `S${index}` },
                  ciIds: [],
                },
                [],
                new Date(),
              );
              if (result.ok) filed.set(result.value.reference, { at: Date.now(), referent: referentOf.get(school.uai)! });
              else {
                ok = false;
                console.error(`[bench] filing failed: ${JSON.stringify(result.failure)}`);
              }
              resolve();
            },
            (index * seconds * 1000) / count,
          );
        }),
    );
    await Promise.all(filings);
    const filedFor = (Date.now() - started) / 1000;

    // Every e-mail written for these tickets: the referents' and the filer's confirmations.
    const [written] = await db.select({ count: sql<number>`count(*)::int` }).from(outboxEmails);
    const [rows] = await db.select({ count: sql<number>`count(*)::int` }).from(notifications);
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    while (capture.messages().length < written!.count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(watcher);
    if (capture.messages().length < written!.count) {
      ok = false;
      console.error(`[bench] ${written!.count - capture.messages().length} e-mails not delivered within ${DELIVERY_TIMEOUT_MS / 1000} s`);
    }

    const messages = capture.messages();
    const lags: number[] = [];
    messages.forEach((message, index) => {
      const reference = /GU-\d{4}-\d{6}/.exec(message.subject)?.[0];
      const filing = reference ? filed.get(reference) : undefined;
      if (filing && message.to.includes(filing.referent)) lags.push(arrivals.get(index)! - filing.at);
    });
    const times = [...arrivals.values()];
    const spanMinutes = (Math.max(...times) - started) / 60_000;
    const perMinute = new Map<number, number>();
    for (const time of times)
      perMinute.set(Math.floor((time - started) / 60_000), (perMinute.get(Math.floor((time - started) / 60_000)) ?? 0) + 1);
    const lag = summarize(lags);
    const [pending] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(inArray(notifications.delivery, ["digest"]));
    const figures = {
      tickets: filed.size,
      filedInSeconds: filedFor,
      schools: schools.length,
      notificationRows: rows!.count,
      digestRows: pending!.count,
      emailsWritten: written!.count,
      emailsDelivered: messages.length,
      referentEmails: lags.length,
      emailsPerMinuteOverall: messages.length / spanMinutes,
      emailsPerMinutePeak: Math.max(...perMinute.values()),
      lagMs: lag,
    };
    console.log(
      table(
        ["figure", "value"],
        [
          ["tickets filed", `${figures.tickets} in ${filedFor.toFixed(1)} s across ${figures.schools} schools`],
          ["in-app notifications written", `${figures.notificationRows} (${figures.digestRows} waiting for a digest)`],
          ["e-mails written / delivered", `${figures.emailsWritten} / ${figures.emailsDelivered}`],
          ["e-mails per minute (first filing to last e-mail)", figures.emailsPerMinuteOverall.toFixed(0)],
          ["e-mails in the busiest minute", String(figures.emailsPerMinutePeak)],
          ["referent e-mail lag p50 / p95 / max (ms)", `${lag.p50} / ${lag.p95} / ${lag.max}`],
        ],
      ),
    );
    const json = option(argv, "json");
    if (json) await writeFile(json, JSON.stringify(figures, null, 2));
  } finally {
    clearInterval(watcher);
    if (worker) await stopApp(worker);
    await closeProducers();
    await closeRedis();
    await closeDatabase();
    await capture.close();
    await stores.drop();
  }
  return ok;
}
