import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { database } from "@/db/client";
import { categories, establishments, outboxEmails, services, ticketEvents, tickets, users } from "@/db/schema";
import { verifyRatingToken } from "@/lib/services/tickets/rating-link";
import { env } from "@/lib/env";
import { enqueueOutbox, recordTicketNotifications, type TicketNotification } from "@/lib/services/mail/notifications";
import { sendOutboxEmail, sweepPendingOutbox } from "@/lib/services/mail/send-outbox-email";
import { startWorkers } from "@/workers/start";
import { startSmtpCapture, type SmtpCapture } from "../support/smtp-capture";
import { deleteRedisKeys } from "../support/test-database";

const REQUESTER = "csl.choiseul@guichet.test";
const redisPrefix = `${inject("redisPrefix")}_mail`;
const poll = { timeout: 15_000, interval: 100 };

let capture: SmtpCapture;
let stopWorkers: (() => Promise<void>) | undefined;
let demo: { requesterId: string; technicianId: string; establishmentId: string; serviceId: string; categoryId: string };

beforeAll(async () => {
  capture = await startSmtpCapture();
  // First thing in the file: env() and the mail transport read the environment once per process.
  process.env.SMTP_URL = `smtp://127.0.0.1:${capture.port}`;
  // Queues of our own: worker.test.ts expects the schedulers it starts to be new, so they run at once.
  process.env.REDIS_PREFIX = redisPrefix;
  expect(env()).toMatchObject({ SMTP_URL: process.env.SMTP_URL, REDIS_PREFIX: redisPrefix });

  const db = database();
  const idOfUser = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const [establishment] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
  const [category] = await db
    .select({ id: categories.id, serviceId: services.id })
    .from(categories)
    .innerJoin(services, eq(services.id, categories.serviceId))
    .where(eq(categories.code, "POSTE-PANNE"));
  demo = {
    requesterId: await idOfUser(REQUESTER),
    technicianId: await idOfUser("tech.ouest@guichet.test"),
    establishmentId: establishment!.id,
    serviceId: category!.serviceId,
    categoryId: category!.id,
  };
  stopWorkers = await startWorkers();
});

afterAll(async () => {
  await stopWorkers?.();
  await capture?.close();
  await deleteRedisKeys(redisPrefix);
});

/** A ticket of the demo requester with its creation event. */
async function newTicket(): Promise<{ id: string; reference: string; createdEventId: number }> {
  const reference = `GU-2099-${String(randomInt(1_000_000)).padStart(6, "0")}`;
  const [ticket] = await database()
    .insert(tickets)
    .values({
      reference,
      type: "incident",
      priority: "P3",
      impact: "individual",
      urgency: "medium",
      title: "L'ordinateur de la salle B12 ne démarre plus",
      description: "Écran noir au démarrage.",
      establishmentId: demo.establishmentId,
      requesterId: demo.requesterId,
      serviceId: demo.serviceId,
      categoryId: demo.categoryId,
    })
    .returning({ id: tickets.id });
  const createdEventId = await addEvent(ticket!.id, { kind: "created", authorId: demo.requesterId });
  return { id: ticket!.id, reference, createdEventId };
}

async function addEvent(ticketId: string, event: Omit<typeof ticketEvents.$inferInsert, "ticketId">): Promise<number> {
  const [row] = await database()
    .insert(ticketEvents)
    .values({ ticketId, ...event })
    .returning({ id: ticketEvents.id });
  return row!.id;
}

const record = (...notifications: TicketNotification[]) =>
  database().transaction((tx) => recordTicketNotifications(tx, notifications, new Date()));

const outboxRow = async (id: string) => (await database().select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]!;
const outboxOf = (ticketId: string) => database().select().from(outboxEmails).where(eq(outboxEmails.ticketId, ticketId));
const mailsAbout = (reference: string) => capture.messages().filter((mail) => mail.subject.includes(reference));

describe("ticket e-mails go through the outbox and the worker", () => {
  test("a new ticket's e-mail is written in the transaction, then sent by the worker in French", async () => {
    const ticket = await newTicket();
    const ids = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });
    expect(ids).toHaveLength(1);
    expect(await outboxRow(ids[0]!)).toMatchObject({ status: "pending", toAddress: REQUESTER, recipientId: demo.requesterId });

    await enqueueOutbox(ids);

    await expect.poll(() => mailsAbout(ticket.reference).length, poll).toBe(1);
    const [mail] = mailsAbout(ticket.reference);
    expect(mail!.subject).toBe(`[${ticket.reference}] Votre demande a été enregistrée`);
    expect(mail!.to).toEqual([REQUESTER]);
    expect(mail!.text).toContain("« L'ordinateur de la salle B12 ne démarre plus »");
    expect(mail!.text).toContain(`Suivre votre demande : http://localhost:3000/demandes/${ticket.reference}`);
    await expect.poll(async () => (await outboxRow(ids[0]!)).status, poll).toBe("sent");
    expect((await outboxRow(ids[0]!)).sentAt).toBeInstanceOf(Date);
  });

  test("recording the same notification twice writes one row and sends one e-mail", async () => {
    const ticket = await newTicket();
    const notification: TicketNotification = { kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId };
    const first = await record(notification);
    const second = await record(notification);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(await outboxOf(ticket.id)).toHaveLength(1);

    await enqueueOutbox(first);
    await enqueueOutbox(first); // same job id: no second job
    await expect.poll(async () => (await outboxRow(first[0]!)).status, poll).toBe("sent");
    expect(await sendOutboxEmail(first[0]!, new Date())).toBe("already_sent");
    expect(mailsAbout(ticket.reference)).toHaveLength(1);
  });

  test("only someone else's public reply is e-mailed: never an internal note, never the requester's own comment", async () => {
    const ticket = await newTicket();
    const internalNote = await addEvent(ticket.id, {
      kind: "comment",
      visibility: "internal",
      authorId: demo.technicianId,
      body: "Note interne : poste volé ?",
    });
    const ownComment = await addEvent(ticket.id, {
      kind: "comment",
      visibility: "public",
      authorId: demo.requesterId,
      body: "Toujours en panne.",
    });
    expect(
      await record(
        { kind: "answered", ticketId: ticket.id, eventId: internalNote },
        { kind: "answered", ticketId: ticket.id, eventId: ownComment },
      ),
    ).toEqual([]);
    expect(await outboxOf(ticket.id)).toEqual([]);

    const reply = await addEvent(ticket.id, {
      kind: "comment",
      visibility: "public",
      authorId: demo.technicianId,
      body: "Pouvez-vous vérifier le câble d'alimentation ?",
    });
    const [id] = await record({ kind: "answered", ticketId: ticket.id, eventId: reply });
    const row = await outboxRow(id!);
    expect(row.textBody).toContain("> Pouvez-vous vérifier le câble d'alimentation ?");
    expect(row.textBody).not.toContain("Note interne");
    await enqueueOutbox([id!]);
    await expect.poll(async () => (await outboxRow(id!)).status, poll).toBe("sent");
  });

  test("during an SMTP outage the row stays pending with the error; once it ends the e-mail goes out exactly once", async () => {
    const ticket = await newTicket();
    const [id] = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });

    capture.failNext(1);
    await expect(sendOutboxEmail(id!, new Date())).rejects.toThrow(/451/);
    expect(await outboxRow(id!)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("451") });
    expect(mailsAbout(ticket.reference)).toEqual([]);

    expect(await sendOutboxEmail(id!, new Date())).toBe("sent");
    expect(await outboxRow(id!)).toMatchObject({ status: "sent", attempts: 1 });
    expect(mailsAbout(ticket.reference)).toHaveLength(1);
  });

  test("while the SMTP server is down every send fails at once, more times than the pool keeps connections; then it goes out", async () => {
    const ticket = await newTicket();
    const [id] = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });
    const port = capture.port;
    await capture.close();
    try {
      // More attempts than nodemailer's pool keeps connections (5): a refused connection must give its place back.
      for (let attempt = 0; attempt < 7; attempt += 1) await expect(sendOutboxEmail(id!, new Date())).rejects.toThrow(/ECONNREFUSED/);
      expect(await outboxRow(id!)).toMatchObject({ status: "pending", attempts: 7, lastError: expect.stringContaining("ECONNREFUSED") });
    } finally {
      capture = await startSmtpCapture({ port });
    }
    expect(await sendOutboxEmail(id!, new Date())).toBe("sent");
    expect(mailsAbout(ticket.reference)).toHaveLength(1);
  });

  test("two senders of one row at once (a second job after a Redis flush): one sends, the other finds it claimed", async () => {
    const ticket = await newTicket();
    const [id] = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });

    const results = await Promise.all([sendOutboxEmail(id!, new Date()), sendOutboxEmail(id!, new Date())]);
    // Claimed (the row locked from before the SMTP conversation to the commit): "busy"; or done already: "already_sent".
    expect(results).toContain("sent");
    expect(results.filter((result) => result !== "sent")).toEqual([expect.stringMatching(/^(busy|already_sent)$/)]);
    expect(mailsAbout(ticket.reference)).toHaveLength(1);
    expect(await outboxRow(id!)).toMatchObject({ status: "sent" });
  });

  test("a permanent refusal (550) marks the row failed with the server's answer: neither retried nor swept again", async () => {
    const ticket = await newTicket();
    const [id] = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });

    capture.failNext(1, 550);
    expect(await sendOutboxEmail(id!, new Date())).toBe("failed");
    expect(await outboxRow(id!)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("550") });

    // The sweep leaves it alone, and another run does not call the server again.
    await sweepPendingOutbox(new Date(Date.now() + 2 * 60_000));
    expect(await sendOutboxEmail(id!, new Date())).toBe("failed");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsAbout(ticket.reference)).toEqual([]);
    expect(await outboxRow(id!)).toMatchObject({ status: "failed", attempts: 1 });
  });

  test("the sweep re-enqueues a pending row whose job was lost, and the worker sends it", async () => {
    const ticket = await newTicket();
    // Recorded but never enqueued: as if Redis had lost the job before a worker took it.
    const [id] = await record({ kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId });

    expect(await sweepPendingOutbox(new Date(Date.now() + 2 * 60_000))).toBeGreaterThanOrEqual(1);

    await expect.poll(() => mailsAbout(ticket.reference).length, poll).toBe(1);
    await expect.poll(async () => (await outboxRow(id!)).status, poll).toBe("sent");
  });

  test("the closing e-mail carries a rating link that works", async () => {
    const ticket = await newTicket();
    await database().update(tickets).set({ status: "closed", closedAt: new Date() }).where(eq(tickets.id, ticket.id));
    const closedEvent = await addEvent(ticket.id, {
      kind: "status_changed",
      authorId: demo.technicianId,
      data: { from: "resolved", to: "closed" },
    });
    await enqueueOutbox(await record({ kind: "closed", ticketId: ticket.id, eventId: closedEvent }));

    await expect.poll(() => mailsAbout(ticket.reference).length, poll).toBe(1);
    const [mail] = mailsAbout(ticket.reference);
    expect(mail!.subject).toBe(`[${ticket.reference}] Votre demande est clôturée`);
    const token = /http:\/\/localhost:3000\/evaluation\/(\S+)/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(verifyRatingToken(token!, new Date(), env().AUTH_SECRET)).toEqual({ valid: true, ticketId: ticket.id });
  });
});
