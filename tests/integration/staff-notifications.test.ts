import type { ChildProcess } from "node:child_process";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { GET as listNotifications } from "@/app/api/v1/me/notifications/route";
import { POST as markRead } from "@/app/api/v1/me/notifications/read/route";
import { POST as postCriticalPeriod } from "@/app/api/v1/critical-periods/route";
import { database } from "@/db/client";
import {
  establishmentReferents,
  establishments,
  notificationPreferences,
  notifications,
  outboxEmails,
  teamMembers,
  teams,
  ticketEvents,
  tickets,
  users,
} from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { digestSlotName, latestDigestSlot } from "@/lib/domain/notification-digest";
import type { Delivery, StaffNotificationKind } from "@/lib/domain/staff-notifications";
import type { Impact, Urgency } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { escalateTicket, updateTicket } from "@/lib/services/desk/update-ticket";
import { recordTicketNotifications } from "@/lib/services/mail/notifications";
import { saveMyPreferences } from "@/lib/services/notifications/my-notifications";
import { planStaffNews } from "@/lib/services/notifications/record-staff-notifications";
import { sendDigests } from "@/lib/services/notifications/send-digests";
import { addComment } from "@/lib/services/tickets/add-comment";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { startWorker } from "../support/app-server";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { deleteRedisKeys } from "../support/test-database";

const redisPrefix = `${inject("redisPrefix")}_notify`;
const poll = { timeout: 20_000, interval: 200 };

let capture: SmtpCapture | undefined;
let dropOwnDatabase: (() => Promise<void>) | undefined;
let csl: Caller, tech: Caller, chef: Caller;

beforeAll(async () => {
  // A database of its own: the referent of Choiseul and the preferences set here must not change other files' e-mails.
  capture = await startSmtpCapture();
  process.env.SMTP_URL = `smtp://127.0.0.1:${capture.port}`;
  process.env.REDIS_PREFIX = redisPrefix;
  dropOwnDatabase = await useOwnDatabase("notify");
  expect(env()).toMatchObject({ REDIS_PREFIX: redisPrefix, SMTP_URL: process.env.SMTP_URL });
  [csl, tech, chef] = await Promise.all([
    callerFor("csl.choiseul@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
    callerFor("chef.ouest@guichet.test"),
  ]);
  // Choiseul's referent is tech.ouest; chef.ouest is the other member of PROX-OUEST, the queue its network incidents land in.
  const [choiseul] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
  await database().insert(establishmentReferents).values({ establishmentId: choiseul!.id, referentId: tech.id });
});

afterAll(async () => {
  await capture?.close();
  await dropOwnDatabase?.();
  await deleteRedisKeys(redisPrefix);
});

/** A Choiseul network incident filed by its CSL (group impact, high urgency unless told). */
async function file(now = new Date(), severity: { impact: Impact; urgency: Urgency } = { impact: "group", urgency: "high" }) {
  const created = await createTicket(
    csl,
    {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-PANNE",
      establishmentUai: "0370037P",
      title: "Plus de réseau en salle B204",
      description: "Aucun poste ne se connecte.",
      ...severity,
      fields: { rooms: "B204" },
      ciIds: [],
    },
    [],
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, created.value.reference));
  return { id: row!.id, reference: created.value.reference };
}

/** The notifications of a ticket: who, what, how. */
async function told(ticketId: string) {
  const rows = await database()
    .select({ to: users.email, kind: notifications.kind, delivery: notifications.delivery, eventId: notifications.eventId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .where(eq(notifications.ticketId, ticketId));
  return rows.map((row) => `${row.to} ${row.kind} ${row.delivery}`).sort();
}

/** The staff e-mails written for a ticket (not the requester's), by recipient and idempotency key's kind. */
async function mailed(ticketId: string, keyKind: string) {
  const rows = await database()
    .select({ to: outboxEmails.toAddress })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.ticketId, ticketId), like(outboxEmails.idempotencyKey, `${keyKind}:%`)));
  return rows.map((row) => row.to).sort();
}

async function prefer(caller: Caller, kind: StaffNotificationKind, choice: Delivery | "default") {
  const choices = { new_ticket: "default", assigned: "default", reply: "default", escalated: "default", approval: "default" } as const;
  await saveMyPreferences(caller, { ...choices, [kind]: choice }, new Date());
}

const TECH = "tech.ouest@guichet.test";
const CHEF = "chef.ouest@guichet.test";
const PREFERENCES = ["default", "immediate", "digest", "none"] as const;
const expected = (choice: (typeof PREFERENCES)[number], fallback: Delivery): Delivery => (choice === "default" ? fallback : choice);

describe("each rule with each preference, emitted in the change's transaction", () => {
  test.each(PREFERENCES)(
    "a new ticket in PROX-OUEST's queue, preference %s: the referent each time by default, the other member a digest",
    async (choice) => {
      await prefer(tech, "new_ticket", choice);
      await prefer(chef, "new_ticket", choice);
      const ticket = await file();
      const techDelivery = expected(choice, "immediate");
      const chefDelivery = expected(choice, "digest");
      expect(await told(ticket.id)).toEqual([`${CHEF} new_ticket ${chefDelivery}`, `${TECH} new_ticket ${techDelivery}`]);
      expect(await mailed(ticket.id, "created")).toEqual([
        ...(chefDelivery === "immediate" ? [CHEF] : []),
        "csl.choiseul@guichet.test",
        ...(techDelivery === "immediate" ? [TECH] : []),
      ]);
    },
  );

  test.each(PREFERENCES)(
    "a ticket assigned to me, preference %s: each time by default; the one who assigned is not told",
    async (choice) => {
      await prefer(tech, "assigned", choice);
      const ticket = await file();
      expect((await updateTicket(chef, ticket.reference, { assignee: tech.id }, new Date())).ok).toBe(true);
      const rows = (await told(ticket.id)).filter((row) => row.includes(" assigned "));
      expect(rows).toEqual([`${TECH} assigned ${expected(choice, "immediate")}`]);
      const staffMails = (await mailed(ticket.id, "assigned")).filter((to) => to !== "csl.choiseul@guichet.test");
      expect(staffMails).toEqual(expected(choice, "immediate") === "immediate" ? [TECH] : []);
    },
  );

  test.each(PREFERENCES)("the requester's reply on a ticket I hold, preference %s: each time by default, quoted", async (choice) => {
    await prefer(tech, "reply", choice);
    const ticket = await file();
    expect((await updateTicket(tech, ticket.reference, { assignee: "me", status: "in_progress" }, new Date())).ok).toBe(true);
    expect(
      (await addComment(csl, ticket.reference, { body: "Toujours rien en B204 ce matin.", visibility: "public" }, [], new Date())).ok,
    ).toBe(true);
    expect((await told(ticket.id)).filter((row) => row.includes(" reply "))).toEqual([`${TECH} reply ${expected(choice, "immediate")}`]);
    const mails = await database()
      .select({ to: outboxEmails.toAddress, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.ticketId, ticket.id), like(outboxEmails.idempotencyKey, "requester_replied:%")));
    expect(mails.map((mail) => mail.to)).toEqual(expected(choice, "immediate") === "immediate" ? [TECH] : []);
    if (mails[0]) expect(mails[0].text).toContain("> Toujours rien en B204 ce matin.");
  });

  test.each(PREFERENCES)(
    "an escalation to me (the zone's sector lead), preference %s: each time by default; the technician escalating is not told",
    async (choice) => {
      await prefer(chef, "escalated", choice);
      const ticket = await file();
      expect((await updateTicket(tech, ticket.reference, { assignee: "me", status: "in_progress" }, new Date())).ok).toBe(true);
      expect(
        (await escalateTicket(tech, ticket.reference, { target: "expert", reason: "Le cœur de réseau ne répond plus." }, new Date())).ok,
      ).toBe(true);
      expect((await told(ticket.id)).filter((row) => row.includes(" escalated "))).toEqual([
        `${CHEF} escalated ${expected(choice, "immediate")}`,
      ]);
      expect(await mailed(ticket.id, "escalated")).toEqual(expected(choice, "immediate") === "immediate" ? [CHEF] : []);
    },
  );

  test.each(PREFERENCES)(
    "the SLA escalation ladder naming me, preference %s: each time by default; the holder's alarm stays",
    async (choice) => {
      await prefer(chef, "escalated", choice);
      const ticket = await file();
      expect((await updateTicket(tech, ticket.reference, { assignee: "me", status: "in_progress" }, new Date())).ok).toBe(true);
      const [event] = await database()
        .insert(ticketEvents)
        .values({
          ticketId: ticket.id,
          kind: "escalated",
          visibility: "internal",
          body: "Délai de résolution dépassé.",
          data: {
            key: "escalation-1",
            target: "sla",
            level: 1,
            targetLabel: "chef de secteur",
            headline: "Escalade de niveau 1 : chef de secteur",
            notifyUserIds: [chef.id],
          },
        })
        .returning({ id: ticketEvents.id });
      await database().transaction((tx) =>
        recordTicketNotifications(tx, [{ kind: "sla_escalated", ticketId: ticket.id, eventId: event!.id }], new Date()),
      );
      const rows = await database()
        .select({ to: users.email, delivery: notifications.delivery })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.recipientId))
        .where(eq(notifications.eventId, event!.id));
      expect(rows.map((row) => `${row.to} ${row.delivery}`)).toEqual([`${CHEF} ${expected(choice, "immediate")}`]);
      expect(await mailed(ticket.id, "sla_escalated")).toEqual(expected(choice, "immediate") === "immediate" ? [CHEF, TECH] : [TECH]);
    },
  );

  test("a reassignment to another team's queue tells that team each time; nothing for the one who moved it", async () => {
    await prefer(chef, "escalated", "default");
    const ticket = await file();
    expect((await updateTicket(chef, ticket.reference, { team: "PROX-EST" }, new Date())).ok).toBe(true);
    expect((await told(ticket.id)).filter((row) => row.includes(" escalated "))).toEqual(["tech.est@guichet.test escalated immediate"]);
  });

  test("taking a ticket myself tells nobody: the actor is never notified", async () => {
    await prefer(tech, "assigned", "default");
    const ticket = await file();
    expect((await updateTicket(tech, ticket.reference, { assignee: "me" }, new Date())).ok).toBe(true);
    expect((await told(ticket.id)).filter((row) => row.includes(" assigned "))).toEqual([]);
  });

  // One period per case, a week apart, so each ticket falls in its own.
  const CRITICAL_CASES = [
    { choice: "digest", startsOn: "2027-06-14", endsOn: "2027-06-18", filedAt: "2027-06-15T08:00:00Z" },
    { choice: "none", startsOn: "2027-06-21", endsOn: "2027-06-25", filedAt: "2027-06-22T08:00:00Z" },
  ] as const;
  test.each(CRITICAL_CASES)(
    "a P3 incident filed during a critical period covering the school is raised to P2, and its referent is mailed at once despite $choice",
    async ({ choice, startsOn, endsOn, filedAt }) => {
      await prefer(tech, "new_ticket", choice);
      await prefer(chef, "new_ticket", choice);
      // Declared through the API, as the Région does; in June 2027, so the other tests' tickets (filed today) stay outside it.
      const declared = await callRoute<{ id: string }>(postCriticalPeriod, {
        path: "/critical-periods",
        token: await tokenFor("admin@guichet.test"),
        body: { name: `Baccalauréat 2027 (${choice})`, kind: "baccalaureat", startsOn, endsOn, establishments: ["0370037P"] },
      });
      expect(declared.status).toBe(201);
      const ticket = await file(new Date(filedAt), { impact: "individual", urgency: "medium" });
      const [row] = await database()
        .select({ priority: tickets.priority, criticalPeriodId: tickets.criticalPeriodId })
        .from(tickets)
        .where(eq(tickets.id, ticket.id));
      expect(row).toEqual({ priority: "P2", criticalPeriodId: declared.body.id });
      // The referent at once, in the filing's own transaction; the other member of the queue keeps their choice.
      expect(await told(ticket.id)).toEqual([`${CHEF} new_ticket ${choice}`, `${TECH} new_ticket immediate`]);
      expect(await mailed(ticket.id, "created")).toEqual(["csl.choiseul@guichet.test", TECH]);
      // Recorded again for the same event: nothing written twice.
      const [created] = await database()
        .select({ id: ticketEvents.id })
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, "created")));
      expect(
        await database().transaction((tx) =>
          recordTicketNotifications(tx, [{ kind: "created", ticketId: ticket.id, eventId: created!.id }], new Date()),
        ),
      ).toEqual([]);
      await prefer(tech, "new_ticket", "default");
      await prefer(chef, "new_ticket", "default");
    },
  );
});

describe("the plan's one read", () => {
  test("active staff only: a disabled technician and a school member of the team, or named, are left out; the referent in the team is told once", async () => {
    const [team] = await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "PROX-OUEST"));
    const [school] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
    const [gone, schoolStaff] = await database()
      .insert(users)
      .values([
        { email: "tech.parti@guichet.test", name: "Technicien parti", role: "technician", disabledAt: new Date() },
        { email: "csl.equipe@guichet.test", name: "CSL dans l'équipe", role: "requester" },
      ])
      .returning({ id: users.id });
    const outsiders = [gone!.id, schoolStaff!.id];
    await database()
      .insert(teamMembers)
      .values(outsiders.map((userId) => ({ teamId: team!.id, userId })));
    const plan = (kind: StaffNotificationKind, teamIds: string[]) =>
      planStaffNews(
        database(),
        { kind, direct: outsiders, teamIds, actorId: null },
        { establishmentId: school!.id, criticalPeriodId: null },
      );
    try {
      await prefer(chef, "new_ticket", "none");
      const [techRow] = await database().select({ name: users.name }).from(users).where(eq(users.id, tech.id));
      const filed = await plan("new_ticket", [team!.id]);
      expect(filed.planned.map((planned) => `${planned.recipientId} ${planned.delivery}`).sort()).toEqual(
        [`${chef.id} none`, `${tech.id} immediate`].sort(),
      );
      expect(filed.mailable).toEqual([{ id: tech.id, email: TECH, name: techRow!.name }]);
      // No team: the referent alone, each time; an escalation to no one reaches no one.
      expect((await plan("new_ticket", [])).planned).toEqual([{ recipientId: tech.id, kind: "new_ticket", delivery: "immediate" }]);
      expect(await plan("escalated", [])).toEqual({ planned: [], mailable: [] });
    } finally {
      await prefer(chef, "new_ticket", "default");
      await database().delete(teamMembers).where(inArray(teamMembers.userId, outsiders));
    }
  });
});

describe("GET /api/v1/me/notifications and POST …/read", () => {
  test("my own notifications only, newest first in keyset pages, unread filter, mark some then all read", async () => {
    const [techToken, chefToken] = await Promise.all([tokenFor(TECH), tokenFor(CHEF)]);
    await file();
    await file();
    type Page = {
      items: { id: string; kind: string; ticket: { reference: string }; readAt: string | null }[];
      unreadCount: number;
      nextCursor: string | null;
    };
    const first = await callRoute<Page>(listNotifications, { path: "/me/notifications?unread=true&limit=1", token: techToken });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.unreadCount).toBeGreaterThanOrEqual(2);
    const second = await callRoute<Page>(listNotifications, {
      path: `/me/notifications?unread=true&limit=1&cursor=${first.body.nextCursor}`,
      token: techToken,
    });
    expect(second.body.items[0]!.id).not.toBe(first.body.items[0]!.id);

    const chefPage = await callRoute<Page>(listNotifications, { path: "/me/notifications?limit=1", token: chefToken });
    // Someone else's id is ignored: chef.ouest cannot mark tech.ouest's notification.
    const foreign = await callRoute<{ marked: number }>(markRead, {
      path: "/me/notifications/read",
      token: chefToken,
      body: { ids: [first.body.items[0]!.id] },
    });
    expect(foreign).toMatchObject({ status: 200, body: { marked: 0 } });
    const [stillUnread] = await database()
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, first.body.items[0]!.id));
    expect(stillUnread!.readAt).toBeNull();
    expect(chefPage.body.items.every((item) => item.id !== first.body.items[0]!.id)).toBe(true);

    const one = await callRoute<{ marked: number; unreadCount: number }>(markRead, {
      path: "/me/notifications/read",
      token: techToken,
      body: { ids: [first.body.items[0]!.id] },
    });
    expect(one.body).toEqual({ marked: 1, unreadCount: first.body.unreadCount - 1 });
    const all = await callRoute<{ marked: number; unreadCount: number }>(markRead, {
      path: "/me/notifications/read",
      token: techToken,
      body: {},
    });
    expect(all.body).toEqual({ marked: first.body.unreadCount - 1, unreadCount: 0 });
    const none = await callRoute<Page>(listNotifications, { path: "/me/notifications?unread=true", token: techToken });
    expect(none.body).toMatchObject({ items: [], unreadCount: 0, nextCursor: null });
  });

  test("refusals: 401 without a token, 400 for a bad filter or body, and nothing marked", async () => {
    const token = await tokenFor(CHEF);
    expect((await callRoute(listNotifications, { path: "/me/notifications" })).status).toBe(401);
    expect((await callRoute(markRead, { path: "/me/notifications/read", body: {} })).status).toBe(401);
    expect((await callRoute<ProblemBody>(listNotifications, { path: "/me/notifications?unread=oui", token })).status).toBe(400);
    const before = await callRoute<{ unreadCount: number }>(listNotifications, { path: "/me/notifications", token });
    for (const body of [{ ids: ["pas-un-uuid"] }, { ids: "tout" }, { all: true }]) {
      expect((await callRoute<ProblemBody>(markRead, { path: "/me/notifications/read", token, body })).status).toBe(400);
    }
    const after = await callRoute<{ unreadCount: number }>(listNotifications, { path: "/me/notifications", token });
    expect(after.body.unreadCount).toBe(before.body.unreadCount);
    expect(before.body.unreadCount).toBeGreaterThan(0);
  });
});

describe("digests: once per person and slot, with a real worker killed between slots", () => {
  function workerProcess(): ChildProcess {
    const keys = ["DATABASE_URL", "REDIS_URL", "APP_URL", "AUTH_SECRET", "SMTP_URL", "MAIL_FROM", "UPLOAD_DIR", "LOG_LEVEL"] as const;
    return startWorker({ ...Object.fromEntries(keys.map((key) => [key, process.env[key]!])), REDIS_PREFIX: redisPrefix });
  }
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
    );
  const digestsTo = (to: string) =>
    capture!.messages().filter((mail) => mail.to.includes(to) && mail.subject.includes("depuis le dernier résumé"));

  test("the worker sends the slot's digest; killed and started again it sends nothing twice; the next slot has only what came since", async () => {
    // Only chef.ouest's digest matters here: every earlier digest row is marked as if already sent.
    await database()
      .update(notifications)
      .set({ digestedAt: new Date(0) });
    const slot = latestDigestSlot(new Date())!;
    const before = await file(new Date(slot.getTime() - 60 * 60_000)); // an hour before the slot: in its digest
    expect(await told(before.id)).toContain(`${CHEF} new_ticket digest`);

    const first = workerProcess();
    let second: ChildProcess | undefined;
    try {
      // At start the scheduler runs at once: the latest slot's digest.
      await expect.poll(() => digestsTo(CHEF).length, poll).toBe(1);
      expect(digestsTo(CHEF)[0]!.text).toContain(before.reference);
      process.kill(-first.pid!, "SIGKILL");
      await exited(first);

      // Filed after the slot: for the next digest, not this one.
      const after = await file(new Date(slot.getTime() + 60_000));
      second = workerProcess();
      // The restarted worker's scheduler runs the same slot again: the key is taken, nothing is marked twice.
      await expect
        .poll(
          async () =>
            (
              await database()
                .select()
                .from(outboxEmails)
                .where(like(outboxEmails.idempotencyKey, `digest:${chef.id}:%`))
            ).length,
          poll,
        )
        .toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(digestsTo(CHEF)).toHaveLength(1);
      const [pending] = await database()
        .select({ digestedAt: notifications.digestedAt })
        .from(notifications)
        .where(and(eq(notifications.ticketId, after.id), eq(notifications.recipientId, chef.id)));
      expect(pending!.digestedAt).toBeNull();

      // The next slot comes (the clock is the service's argument): one more digest, with only what came since.
      const nextSlot = latestDigestSlot(new Date(slot.getTime() + 7 * 24 * 3_600_000))!;
      expect(await sendDigests(new Date(nextSlot.getTime() + 60_000))).toMatchObject({ slot: digestSlotName(nextSlot) });
      expect(await sendDigests(new Date(nextSlot.getTime() + 120_000))).toMatchObject({ digests: 0 }); // the same slot again: nothing
      await expect.poll(() => digestsTo(CHEF).length, poll).toBe(2);
      const latest = digestsTo(CHEF)[1]!;
      expect(latest.text).toContain(after.reference);
      expect(latest.text).not.toContain(before.reference);
      const keys = await database()
        .select({ key: outboxEmails.idempotencyKey })
        .from(outboxEmails)
        .where(like(outboxEmails.idempotencyKey, `digest:${chef.id}:%`));
      expect(keys.map((row) => row.key).sort()).toEqual(
        [`digest:${chef.id}:${digestSlotName(slot)}`, `digest:${chef.id}:${digestSlotName(nextSlot)}`].sort(),
      );
      second.kill("SIGTERM");
      await exited(second);
    } finally {
      for (const child of [first, second])
        if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
  });
});

test("preferences left at their default keep no row", async () => {
  await prefer(tech, "reply", "default");
  expect(
    await database()
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, tech.id), eq(notificationPreferences.kind, "reply"))),
  ).toEqual([]);
});
