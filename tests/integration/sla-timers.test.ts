import type { ChildProcess } from "node:child_process";
import { Queue, type Job } from "bullmq";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { database } from "@/db/client";
import { outboxEmails, slaPolicies, teamMembers, teams, ticketEvents, tickets, vendors, vendorWaits, zones } from "@/db/schema";
import { isOpenAt, type BusinessCalendar, type WeeklyHours, DEFAULT_CALENDAR } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { alarmJobId } from "@/lib/domain/sla-plan";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { afterCommit } from "@/lib/services/after-commit";
import { addComment } from "@/lib/services/tickets/add-comment";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { escalateTicket, mergeDuplicate, updateTicket } from "@/lib/services/desk/update-ticket";
import { checkDueTickets, fireDueSlaAlarms } from "@/lib/services/sla/fire-sla-alarms";
import { refreshSla } from "@/lib/services/sla/refresh-sla";
import { reconcileSlaTimers } from "@/lib/services/sla/sla-timers";
import { checkSla } from "@/workers/processors/check-sla";
import { startWorkers } from "@/workers/start";
import { startWorker } from "../support/app-server";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { deleteRedisKeys } from "../support/test-database";

// Queues of our own, so no other file's worker takes these jobs.
const redisPrefix = `${inject("redisPrefix")}_sla`;
const poll = { timeout: 45_000, interval: 200 };

/** A team open round the clock, so the worker tests run on real time (business minutes = minutes). */
const ROUND_THE_CLOCK: WeeklyHours = {
  1: [{ start: "00:00", end: "24:00" }],
  2: [{ start: "00:00", end: "24:00" }],
  3: [{ start: "00:00", end: "24:00" }],
  4: [{ start: "00:00", end: "24:00" }],
  5: [{ start: "00:00", end: "24:00" }],
  6: [{ start: "00:00", end: "24:00" }],
  7: [{ start: "00:00", end: "24:00" }],
};
/** Commitments in minutes: owned within 2, resolved within 4 (warnings at 1.5 and 3, second rung at 6). */
const MINUTES = { own: 2, resolve: 4 };

let requester: Caller, technician: Caller;
let team: { id: string } | undefined, policy: { id: string } | undefined;
let queue: Queue;

let capture: SmtpCapture | undefined;
let dropOwnDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // First thing in the file: env() and the mail transport read the environment once per process. A database of its
  // own: its 24/7 team, its policy and its vendor's repair time must not reach other files, nor its workers their tickets.
  capture = await startSmtpCapture();
  process.env.SMTP_URL = `smtp://127.0.0.1:${capture.port}`;
  process.env.REDIS_PREFIX = redisPrefix;
  dropOwnDatabase = await useOwnDatabase("slatimers");
  expect(env()).toMatchObject({ REDIS_PREFIX: redisPrefix, SMTP_URL: process.env.SMTP_URL, DATABASE_URL: process.env.DATABASE_URL });
  const db = database();
  [requester, technician] = await Promise.all([callerFor("csl.choiseul@guichet.test"), callerFor("tech.ouest@guichet.test")]);
  const [ouest] = await db.select({ id: zones.id }).from(zones).where(eq(zones.code, "OUEST"));
  [team] = await db
    .insert(teams)
    .values({ code: "TEST-H24", name: "Astreinte 24/7", party: "region", zoneId: ouest!.id, weeklyHours: ROUND_THE_CLOCK })
    .returning({ id: teams.id });
  await db.insert(teamMembers).values({ teamId: team!.id, userId: technician.id });
  [policy] = await db
    .insert(slaPolicies)
    .values({ code: "TEST-MINUTES", name: "Test en minutes", targets: { P1: MINUTES, P2: MINUTES, P3: MINUTES, P4: MINUTES } })
    .returning({ id: slaPolicies.id });
  queue = new Queue("sla", { connection: queueConnection(), prefix: queuePrefix() });
  // Public holidays close every calendar, this one too: say so rather than time out.
  const open: BusinessCalendar = { ...DEFAULT_CALENDAR, weekly: ROUND_THE_CLOCK };
  expect(
    isOpenAt(open, new Date()) && isOpenAt(open, new Date(Date.now() + 15 * 60_000)),
    "the worker tests need the next 15 minutes open: not on a French public holiday",
  ).toBe(true);
});

afterAll(async () => {
  await queue?.close();
  await capture?.close();
  await dropOwnDatabase?.();
  await deleteRedisKeys(redisPrefix);
});

/** Files a ticket at `now` (routed as usual) on the default policy. */
async function file(now: Date, impact: "group" | "school" = "school") {
  const created = await createTicket(
    requester,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title: "Le poste ne démarre plus",
      description: "Écran noir, salle B204.",
      impact,
      urgency: "high",
      fields: {},
      ciIds: [],
    },
    [],
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, created.value.reference));
  return { id: row!.id, reference: created.value.reference };
}

/**
 * A ticket held by the 24/7 team on the minutes policy, as if filed `agoMs` ago — what a routing rule
 * choosing that team and policy gives, with the clock set back. Its jobs are held after commit, as after any change.
 */
async function fileOnMinutes(agoMs: number) {
  const now = new Date();
  const ticket = await file(now);
  const schedule = await database().transaction(async (tx) => {
    await tx
      .update(tickets)
      .set({ assignedTeamId: team!.id, slaPolicyId: policy!.id, createdAt: new Date(now.getTime() - agoMs) })
      .where(eq(tickets.id, ticket.id));
    return refreshSla(tx, ticket.id, now);
  });
  await afterCommit({ slaSchedules: [schedule] });
  return ticket;
}

async function slaEvents(ticketId: string) {
  return database()
    .select({ kind: ticketEvents.kind, key: ticketEvents.idempotencyKey, body: ticketEvents.body, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), sql`${ticketEvents.idempotencyKey} IS NOT NULL`))
    .orderBy(asc(ticketEvents.id));
}
const keysOf = (events: { key: string | null }[]) => events.map((event) => event.key!.replace(/-\d{10,}$/, ""));

/** Every SLA column of a ticket, as a refresh stores them, and its escalation level. */
async function stateOf(ticketId: string) {
  const [row] = await database()
    .select({
      slaState: tickets.slaState,
      escalationLevel: tickets.escalationLevel,
      slaVersion: tickets.slaVersion,
      slaAlarms: tickets.slaAlarms,
      slaNextCheckAt: tickets.slaNextCheckAt,
      ownBy: tickets.ownBy,
      resolveBy: tickets.resolveBy,
      slaPausedMinutes: tickets.slaPausedMinutes,
      takenAt: tickets.takenAt,
      firstPublicReplyAt: tickets.firstPublicReplyAt,
      ownMet: tickets.ownMet,
      ownedMinutes: tickets.ownedMinutes,
      resolveMet: tickets.resolveMet,
      resolvedMinutes: tickets.resolvedMinutes,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row!;
}

/** Recipients of the e-mails announcing one journal event. */
async function mailedFor(ticketId: string, key: string) {
  const [event] = await database()
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), sql`${ticketEvents.idempotencyKey} LIKE ${`${key}%`}`));
  const rows = await database()
    .select({ to: outboxEmails.toAddress })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.ticketId, ticketId), sql`${outboxEmails.idempotencyKey} LIKE ${`%:${event!.id}:%`}`));
  return rows.map((row) => row.to).sort();
}

async function jobIdsOf(ticketId: string) {
  const { slaVersion, slaAlarms } = await stateOf(ticketId);
  return slaAlarms.map((alarm) => alarmJobId(ticketId, slaVersion, alarm.key));
}
async function heldJobs(ids: string[]) {
  const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
  return jobs.filter((job) => job !== undefined).map((job) => job.id);
}

function workerProcess(): ChildProcess {
  const keys = ["DATABASE_URL", "REDIS_URL", "APP_URL", "AUTH_SECRET", "SMTP_URL", "MAIL_FROM", "UPLOAD_DIR", "LOG_LEVEL"] as const;
  return startWorker({ ...Object.fromEntries(keys.map((key) => [key, process.env[key]!])), REDIS_PREFIX: redisPrefix });
}
const REBUILT_MARKER = `${redisPrefix}:sla:timers-rebuilt`;
async function workerReady() {
  // The worker upserts its schedulers, then rebuilds every SLA job and leaves the rebuild marker.
  await expect.poll(async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key), poll).toContain("reconcileSlaTimers");
  await expect.poll(() => redis().exists(REBUILT_MARKER), poll).toBe(1);
}
function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

describe("the worker fires SLA alarms on real time", () => {
  test("a ticket whose deadline passes is warned, breached and escalated exactly once", async () => {
    const ticket = await fileOnMinutes(115_000); // TTO due in 5 s; its 75 % warning is already due
    expect((await stateOf(ticket.id)).escalationLevel).toBe(0);
    const stop = await startWorkers();
    try {
      await expect.poll(async () => keysOf(await slaEvents(ticket.id)), poll).toEqual(["tto-warning", "escalation-1", "tto-breach"]);
      // Duplicates change nothing: a second job for the ticket, direct runs, a reconciliation.
      await queue.add("checkSla", { ticketId: ticket.id }, { jobId: `duplicate-${ticket.id}` });
      expect(await fireDueSlaAlarms(ticket.id, new Date())).toEqual([]);
      await reconcileSlaTimers(database(), new Date(), { full: true });
      await expect.poll(async () => (await queue.getJob(`duplicate-${ticket.id}`))?.finishedOn ?? null, poll).not.toBeNull();
    } finally {
      await stop();
    }
    expect(keysOf(await slaEvents(ticket.id))).toEqual(["tto-warning", "escalation-1", "tto-breach"]);
    expect(await stateOf(ticket.id)).toMatchObject({ slaState: "breached", escalationLevel: 1 });
    // The escalation reaches the zone's sector lead and the holding team (nobody is assigned); the warning, the team only.
    expect(await mailedFor(ticket.id, "escalation-1")).toEqual(["chef.ouest@guichet.test", "tech.ouest@guichet.test"]);
    expect(await mailedFor(ticket.id, "tto-warning")).toEqual(["tech.ouest@guichet.test"]);
  });

  test("many tickets due at once: the worker records each alarm once, two jobs of one ticket in flight together included", async () => {
    // Each ticket's TTO breach and first rung fall due at the same instant: two jobs, which the worker may run side by side.
    const filed = [];
    for (let index = 0; index < 30; index++) filed.push(await fileOnMinutes(112_000));
    const stop = await startWorkers();
    try {
      for (const ticket of filed)
        await expect.poll(async () => keysOf(await slaEvents(ticket.id)), poll).toEqual(["tto-warning", "escalation-1", "tto-breach"]);
    } finally {
      await stop();
    }
    for (const ticket of filed) expect(await stateOf(ticket.id)).toMatchObject({ slaState: "breached", escalationLevel: 1 });
  });

  test("the worker delivers the escalation e-mail to the sector lead, in French, linking to the desk", async () => {
    const ticket = await fileOnMinutes(118_000); // TTO due in 2 s
    const stop = await startWorkers();
    try {
      await expect
        .poll(
          () =>
            capture!.messages().filter((mail) => mail.subject.includes(ticket.reference) && mail.to.includes("chef.ouest@guichet.test"))
              .length,
          poll,
        )
        .toBe(1);
    } finally {
      await stop();
    }
    const [mail] = capture!
      .messages()
      .filter((message) => message.subject.includes(ticket.reference) && message.to.includes("chef.ouest@guichet.test"));
    expect(mail!.subject).toBe(`[${ticket.reference}] Escalade de niveau 1 : chef de secteur`);
    expect(mail!.text).toContain("il est escaladé au chef de secteur (Luc Girard (Chef de secteur Ouest))");
    expect(mail!.text).toContain(`/bureau/tickets/${ticket.reference}`);
  });

  test("killing the worker between scheduling and firing, then starting a new one, still escalates once", async () => {
    await redis().del(REBUILT_MARKER); // left by the previous test's worker
    const first = workerProcess();
    let second: ChildProcess | undefined;
    try {
      await workerReady();
      const ticket = await fileOnMinutes(110_000); // TTO due in 10 s, held as delayed jobs
      expect(await heldJobs(await jobIdsOf(ticket.id))).toHaveLength((await jobIdsOf(ticket.id)).length);
      process.kill(-first.pid!, "SIGKILL");
      await exited(first);

      await new Promise((resolve) => setTimeout(resolve, 12_000)); // the deadline passes with no worker
      expect(keysOf(await slaEvents(ticket.id))).not.toContain("escalation-1"); // nobody fired the breach

      second = workerProcess();
      await expect.poll(async () => keysOf(await slaEvents(ticket.id)), poll).toEqual(["tto-warning", "escalation-1", "tto-breach"]);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(keysOf(await slaEvents(ticket.id))).toEqual(["tto-warning", "escalation-1", "tto-breach"]);
      expect(await mailedFor(ticket.id, "escalation-1")).toEqual(["chef.ouest@guichet.test", "tech.ouest@guichet.test"]);

      // SIGTERM: the worker closes its queues and connections and exits cleanly.
      second.kill("SIGTERM");
      expect(await exited(second)).toBe(0);
    } finally {
      for (const child of [first, second])
        if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
  });

  test("after a Redis flush, a restarted worker rebuilds every job, and so does the next reconciliation", async () => {
    const ticket = await fileOnMinutes(0); // alarms from 90 s on
    const ids = await jobIdsOf(ticket.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(await heldJobs(ids)).toEqual(ids);

    // FLUSHALL would wipe the other runs sharing this Redis: delete this namespace, which is all the app has there.
    await deleteRedisKeys(redisPrefix);
    expect(await heldJobs(ids)).toEqual([]);
    const stop = await startWorkers();
    try {
      expect(await heldJobs(ids)).toEqual(ids);
      const { slaAlarms } = await stateOf(ticket.id);
      for (const alarm of slaAlarms) {
        const job = await queue.getJob(alarmJobId(ticket.id, (await stateOf(ticket.id)).slaVersion, alarm.key));
        expect(Math.abs(job!.timestamp + job!.opts.delay! - new Date(alarm.fireAt).getTime())).toBeLessThan(1_000);
      }
    } finally {
      await stop();
    }

    // Without a restart: the minute's reconciliation finds its marker gone and rebuilds everything.
    await deleteRedisKeys(redisPrefix);
    const result = await reconcileSlaTimers(database(), new Date(), { full: false });
    expect(result.full).toBe(true);
    expect(await heldJobs(ids)).toEqual(ids);
    const again = await reconcileSlaTimers(database(), new Date(), { full: false });
    expect(again.full).toBe(false);
  });
});

// From here on no worker runs: alarms are fired by calling the job's service with a chosen clock.
// Monday 23 November 2026, Paris (CET, UTC+1); the default calendar (Mon–Fri 07:30–17:30).
const at = (iso: string) => new Date(iso);

describe("alarms on the default calendar, with a controlled clock", () => {
  test("a P1 climbs the ladder: warning, breach and sector lead at the TTO, service lead at 150 % of the TTR", async () => {
    const ticket = await file(at("2026-11-23T08:00:00Z")); // 09:00
    expect(await fireDueSlaAlarms(ticket.id, at("2026-11-23T08:20:00Z"))).toEqual([]);
    expect(keysOf((await fireDueSlaAlarms(ticket.id, at("2026-11-23T08:23:00Z"))).map((key) => ({ key })))).toEqual(["tto-warning"]);
    expect((await stateOf(ticket.id)).slaState).toBe("at_risk");

    expect(keysOf((await fireDueSlaAlarms(ticket.id, at("2026-11-23T08:31:00Z"))).map((key) => ({ key })))).toEqual([
      "escalation-1",
      "tto-breach",
    ]);
    expect(await fireDueSlaAlarms(ticket.id, at("2026-11-23T08:32:00Z"))).toEqual([]);
    expect(await stateOf(ticket.id)).toMatchObject({ slaState: "breached", escalationLevel: 1 });
    expect(await mailedFor(ticket.id, "escalation-1")).toEqual(["chef.ouest@guichet.test", "tech.ouest@guichet.test"]);

    // The technician takes it at 09:40: the TTO is met late; the TTR runs to 13:00, the second rung to 15:00.
    const taken = await updateTicket(technician, ticket.reference, { assignee: "me", status: "in_progress" }, at("2026-11-23T08:40:00Z"));
    expect(taken.ok).toBe(true);
    expect(keysOf((await fireDueSlaAlarms(ticket.id, at("2026-11-23T14:01:00Z"))).map((key) => ({ key })))).toEqual([
      "ttr-warning",
      "ttr-breach",
      "escalation-2",
    ]);
    expect((await stateOf(ticket.id)).escalationLevel).toBe(2);
    // Now assigned: the breach goes to the assignee only; the second rung to the service lead and the assignee.
    expect(await mailedFor(ticket.id, "ttr-breach")).toEqual(["tech.ouest@guichet.test"]);
    expect(await mailedFor(ticket.id, "escalation-2")).toEqual(["chef.service@guichet.test", "tech.ouest@guichet.test"]);
    const [escalation] = (await slaEvents(ticket.id)).filter((event) => event.key === "escalation-2");
    expect(escalation!.body).toBe(
      "Le ticket n'est toujours pas résolu (lundi 23 novembre à 15:00) : il est escaladé au chef de service (Nadia Roux (Cheffe de service)).",
    );
  });

  test("a check stores what a refresh at the same instant stores, less the alarms it recorded, and drops their jobs", async () => {
    const ticket = await file(at("2026-11-23T08:00:00Z")); // P1 at 09:00: owned by 09:30
    const heldBefore = await jobIdsOf(ticket.id);
    const when = at("2026-11-23T08:31:00Z");
    const fired = await fireDueSlaAlarms(ticket.id, when);
    expect(keysOf(fired.map((key) => ({ key }))).sort()).toEqual(["escalation-1", "tto-breach", "tto-warning"]);
    const stored = await stateOf(ticket.id);
    expect(stored).toMatchObject({ slaState: "breached", escalationLevel: 1 });
    expect(stored.slaAlarms.map((alarm) => alarm.key)).toEqual(expect.not.arrayContaining(fired));
    // Any change refreshes the SLA: one at that instant finds nothing to change.
    await database().transaction((tx) => refreshSla(tx, ticket.id, when));
    expect(await stateOf(ticket.id)).toEqual(stored);
    // The jobs of the recorded alarms are gone; those of the alarms still to come are held.
    expect(await heldJobs(heldBefore.filter((id) => fired.some((key) => id.endsWith(`-${key}`))))).toEqual([]);
    const remaining = await jobIdsOf(ticket.id);
    expect(await heldJobs(remaining)).toEqual(remaining);
  });

  // Monday 16 November, before every other ticket of this describe: the tickets due then are these tests' own.
  test("a job's check records, in its transaction, the alarms of the other tickets due by then, once each and none early", async () => {
    const first = await file(at("2026-11-16T08:00:00Z")); // P1 at 09:00: warned at 09:22:30
    const second = await file(at("2026-11-16T08:01:00Z")); // warned at 09:23:30
    const later = await file(at("2026-11-16T08:05:00Z")); // warned at 09:27:30
    const when = at("2026-11-16T08:24:00Z");
    const laterBefore = await stateOf(later.id);
    const secondJobs = await jobIdsOf(second.id);

    const fired = await checkDueTickets(first.id, when, 49);
    expect(keysOf((fired.get(first.id) ?? []).map((key) => ({ key })))).toEqual(["tto-warning"]);
    expect(keysOf((fired.get(second.id) ?? []).map((key) => ({ key })))).toEqual(["tto-warning"]);
    // Not due yet: neither recorded nor stored.
    expect(fired.has(later.id)).toBe(false);
    expect(await slaEvents(later.id)).toEqual([]);
    expect(await stateOf(later.id)).toEqual(laterBefore);

    // The other ticket's check is the one its own job would have made: the entry, its e-mail, the stored SLA, its job dropped.
    // Nobody holds it: the warning goes to the holding team, PROX-OUEST (its technician and its sector lead).
    expect(await mailedFor(second.id, "tto-warning")).toEqual(["chef.ouest@guichet.test", "tech.ouest@guichet.test"]);
    const stored = await stateOf(second.id);
    expect(stored.slaState).toBe("at_risk");
    await database().transaction((tx) => refreshSla(tx, second.id, when));
    expect(await stateOf(second.id)).toEqual(stored);
    expect(await heldJobs(secondJobs.filter((id) => id.includes("-tto-warning-")))).toEqual([]);
    // Its own job, had it already started, finds nothing left to record.
    expect(await fireDueSlaAlarms(second.id, when)).toEqual([]);
    expect(keysOf(await slaEvents(second.id))).toEqual(["tto-warning"]);
  });

  test("jobs racing over the same due tickets record each alarm once", async () => {
    const filed = [];
    for (let minute = 0; minute < 8; minute++) filed.push(await file(at(`2026-11-16T09:0${minute}:00Z`)));
    const when = at("2026-11-16T09:29:45Z"); // 10:29:45: every warning due (the last at 10:29:30), no breach yet (the first at 10:30)
    const runs = await Promise.all(filed.slice(0, 4).map((ticket) => checkDueTickets(ticket.id, when, 49)));
    for (const ticket of filed) {
      expect(keysOf(await slaEvents(ticket.id))).toEqual(["tto-warning"]);
      expect(runs.flatMap((run) => run.get(ticket.id) ?? []).length).toBe(1);
      expect((await stateOf(ticket.id)).slaState).toBe("at_risk");
    }
  });

  test("a ticket whose check fails does not hold back the job that met it among the tickets due", async () => {
    const good = await file(at("2026-11-16T10:00:00Z")); // warned at 11:22:30
    const broken = await file(at("2026-11-16T10:00:00Z"));
    // Its team's hours are not hours: computing its SLA throws, as any data a check cannot read would.
    const [odd] = await database()
      .insert(teams)
      .values({ code: "TEST-ODD", name: "Horaires illisibles", party: "region", weeklyHours: sql`'{"1": 5}'::jsonb` })
      .returning({ id: teams.id });
    await database().update(tickets).set({ assignedTeamId: odd!.id }).where(eq(tickets.id, broken.id));
    const when = at("2026-11-16T10:23:00Z");
    try {
      await expect(checkDueTickets(good.id, when, 49)).rejects.toThrow();
      expect(await slaEvents(good.id)).toEqual([]);
      // The job checks its own ticket alone; the broken ticket's job fails, to be retried.
      const job = (ticketId: string) => ({ data: { ticketId } }) as Job;
      // A job runs on real time: every alarm of the good ticket is due by now, and recorded.
      const checked = await checkSla(job(good.id));
      const recorded = keysOf(await slaEvents(good.id));
      expect(recorded).toEqual(expect.arrayContaining(["tto-warning", "tto-breach", "escalation-1"]));
      expect(keysOf(checked.fired.map((key) => ({ key })))).toEqual(recorded);
      await expect(checkSla(job(broken.id))).rejects.toThrow();
      expect(await slaEvents(broken.id)).toEqual([]);
    } finally {
      await database().update(tickets).set({ slaNextCheckAt: null }).where(eq(tickets.id, broken.id));
    }
  });

  test("a deadline at the evening closing fires at the next opening, not at night", async () => {
    const ticket = await file(at("2026-11-23T14:30:00Z"), "group"); // P2 at 15:30: owned by 17:30
    expect((await stateOf(ticket.id)).ownBy).toEqual(at("2026-11-23T16:30:00Z"));
    expect(keysOf((await fireDueSlaAlarms(ticket.id, at("2026-11-23T20:00:00Z"))).map((key) => ({ key })))).toEqual(["tto-warning"]);
    expect(await fireDueSlaAlarms(ticket.id, at("2026-11-24T06:29:00Z"))).toEqual([]); // Tuesday 07:29
    expect(keysOf((await fireDueSlaAlarms(ticket.id, at("2026-11-24T06:30:00Z"))).map((key) => ({ key })))).toEqual([
      "escalation-1",
      "tto-breach",
    ]);
  });

  test("pausing and resuming moves the deadline by the paused business time and replaces the jobs", async () => {
    const ticket = await file(at("2026-11-23T08:00:00Z"));
    await updateTicket(technician, ticket.reference, { assignee: "me", status: "in_progress" }, at("2026-11-23T08:10:00Z"));
    const running = await stateOf(ticket.id);
    expect(running.resolveBy).toEqual(at("2026-11-23T12:00:00Z"));
    const runningJobs = await jobIdsOf(ticket.id);
    expect(await heldJobs(runningJobs)).toEqual(runningJobs);

    await updateTicket(
      technician,
      ticket.reference,
      { status: "waiting_requester", message: "Quel poste exactement ?" },
      at("2026-11-23T08:30:00Z"),
    );
    expect((await stateOf(ticket.id)).slaAlarms).toEqual([]); // nothing can fire while the requester has the ball
    expect(await heldJobs(runningJobs)).toEqual([]);

    // The requester answers 75 business minutes later, across no closing: the deadline moves by 75 minutes.
    const answered = await addComment(
      requester,
      ticket.reference,
      { body: "Le poste 12 de la salle B204.", visibility: "public" },
      [],
      at("2026-11-23T09:45:00Z"),
    );
    expect(answered.ok).toBe(true);
    const resumed = await stateOf(ticket.id);
    expect(resumed.resolveBy).toEqual(at("2026-11-23T13:15:00Z"));
    expect(resumed.slaVersion).toBeGreaterThan(running.slaVersion);
    const resumedJobs = await jobIdsOf(ticket.id);
    expect(resumedJobs.every((id) => id.includes(`-v${resumed.slaVersion}-`))).toBe(true);
    expect(await heldJobs(resumedJobs)).toEqual(resumedJobs);
  });

  test("a vendor past its repair time is reported against it, the ticket's own TTR still runs", async () => {
    await database()
      .update(vendors)
      .set({ repairCommitment: { nextBusinessDay: true } })
      .where(eq(vendors.name, "SCC"));
    const ticket = await file(at("2026-11-23T08:00:00Z"), "group"); // P2
    await updateTicket(technician, ticket.reference, { assignee: "me", status: "in_progress" }, at("2026-11-23T08:10:00Z"));
    const escalated = await escalateTicket(
      technician,
      ticket.reference,
      { target: "vendor", teamCode: "PREST-SCC", vendorReference: "SCC-4411", reason: "Carte mère sous garantie." },
      at("2026-11-23T09:00:00Z"),
    );
    expect(escalated.ok).toBe(true);
    const [wait] = await database().select().from(vendorWaits).where(eq(vendorWaits.ticketId, ticket.id));
    expect(wait).toMatchObject({ since: at("2026-11-23T09:00:00Z"), dueAt: at("2026-11-24T16:30:00Z"), endedAt: null }); // Tuesday 17:30

    // Wednesday 07:31: the P2's TTR (Tuesday 09:00) and SCC's repair time (Tuesday 17:30) have both passed.
    const fired = await fireDueSlaAlarms(ticket.id, at("2026-11-25T06:31:00Z"));
    expect(keysOf(fired.map((key) => ({ key }))).sort()).toEqual([
      "escalation-1",
      "escalation-2",
      "ttr-breach",
      "ttr-warning",
      "vendor-breach",
    ]);
    expect(await mailedFor(ticket.id, "vendor-breach")).toEqual(["tech.ouest@guichet.test"]);

    await updateTicket(
      technician,
      ticket.reference,
      { status: "in_progress", message: "Retour SCC : carte remplacée." },
      at("2026-11-25T09:00:00Z"),
    );
    const [ended] = await database().select().from(vendorWaits).where(eq(vendorWaits.ticketId, ticket.id));
    expect(ended!.endedAt).toEqual(at("2026-11-25T09:00:00Z"));
    expect(ended!.endedAt! > ended!.dueAt!).toBe(true); // late: counted against SCC
  });
});

test("a duplicate merged into its master stops its own clocks: no alarm left, nothing met or missed", async () => {
  const master = await file(at("2026-11-23T08:00:00Z"));
  const duplicate = await file(at("2026-11-23T08:05:00Z"));
  expect((await stateOf(duplicate.id)).slaAlarms.length).toBeGreaterThan(0);
  const merged = await mergeDuplicate(
    technician,
    duplicate.reference,
    master.reference,
    "Même panne signalée deux fois.",
    at("2026-11-23T08:10:00Z"),
  );
  expect(merged.ok).toBe(true);
  const [row] = await database()
    .select({ slaAlarms: tickets.slaAlarms, next: tickets.slaNextCheckAt, resolveMet: tickets.resolveMet, ownMet: tickets.ownMet })
    .from(tickets)
    .where(eq(tickets.id, duplicate.id));
  expect(row).toEqual({ slaAlarms: [], next: null, resolveMet: null, ownMet: null });
  expect(await fireDueSlaAlarms(duplicate.id, at("2026-11-23T16:00:00Z"))).toEqual([]);
});

test("SLA job payloads carry the ticket id only", async () => {
  const ticket = await fileOnMinutes(0);
  const [id] = await jobIdsOf(ticket.id);
  const job = await queue.getJob(id!);
  expect(job!.data).toEqual({ ticketId: ticket.id });
});
