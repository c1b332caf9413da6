import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { database } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { NO_SMTP_SERVER } from "@/lib/domain/outbox";
import { env } from "@/lib/env";
import { readOutbox, readOutboxEmail, resendOutboxEmail } from "@/lib/services/mail/outbox-admin";
import { sendOutboxEmail, sweepPendingOutbox } from "@/lib/services/mail/send-outbox-email";
import { startWorkers } from "@/workers/start";
import { callerFor } from "../support/callers";
import { deleteRedisKeys } from "../support/test-database";

const redisPrefix = `${inject("redisPrefix")}_outbox`;
const poll = { timeout: 15_000, interval: 100 };

let admin: Caller, technician: Caller;
let stopWorkers: (() => Promise<void>) | undefined;
const written: string[] = [];

/** An outbox row as a notification writes it; `created` backdates it (the sweep leaves young rows alone). */
async function writeEmail(values: Partial<typeof outboxEmails.$inferInsert> = {}): Promise<string> {
  const [row] = await database()
    .insert(outboxEmails)
    .values({
      idempotencyKey: `outbox-admin-test:${randomUUID()}`,
      toAddress: "csl.choiseul@guichet.test",
      subject: `Essai ${randomUUID().slice(0, 8)}`,
      textBody: "Bonjour,\nvotre demande avance.",
      htmlBody: "<p>Bonjour,<br>votre demande <b>avance</b>.</p>",
      ...values,
    })
    .returning({ id: outboxEmails.id });
  written.push(row!.id);
  return row!.id;
}

const rowOf = async (id: string) => (await database().select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]!;

beforeAll(async () => {
  // First thing in the file: env() and the mail transport read the environment once per process. No SMTP server here.
  delete process.env.SMTP_URL;
  process.env.REDIS_PREFIX = redisPrefix;
  expect([env().SMTP_URL, env().REDIS_PREFIX]).toEqual([undefined, redisPrefix]);
  [admin, technician] = await Promise.all([callerFor("admin@guichet.test"), callerFor("tech.ouest@guichet.test")]);
  stopWorkers = await startWorkers();
});

afterAll(async () => {
  await stopWorkers?.();
  if (written.length > 0) await database().delete(outboxEmails).where(inArray(outboxEmails.id, written));
  await deleteRedisKeys(redisPrefix);
});

describe("without SMTP_URL", () => {
  test("the worker keeps the e-mail as not sent, with no server, after one attempt; neither retried nor swept", async () => {
    const id = await writeEmail({ createdAt: new Date(Date.now() - 5 * 60_000) });
    // The sweep hands the old pending row to the worker, as it does after a lost job.
    expect(await sweepPendingOutbox(new Date())).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await rowOf(id)).status, poll).toBe("failed");
    expect(await rowOf(id)).toMatchObject({ status: "failed", lastError: NO_SMTP_SERVER, attempts: 1, sentAt: null });

    expect(await sendOutboxEmail(id, new Date())).toBe("failed");
    const pendingBefore = (
      await database().select({ id: outboxEmails.id }).from(outboxEmails).where(eq(outboxEmails.status, "pending"))
    ).map((row) => row.id);
    expect(pendingBefore).not.toContain(id);
    expect((await rowOf(id)).attempts).toBe(1);
  });
});

describe("/admin/courriels", () => {
  test("admins read the outbox newest first, by keyset pages and by state; nobody else does", async () => {
    // Dated ahead of every other file's rows, so they open the first page.
    const older = await writeEmail({ createdAt: new Date("2099-01-01T08:00:01Z"), status: "sent", sentAt: new Date() });
    const newer = await writeEmail({
      createdAt: new Date("2099-01-01T08:00:02Z"),
      status: "failed",
      attempts: 3,
      lastError: "550 5.1.1 Mailbox unknown",
    });

    const first = (await readOutbox(admin, { limit: 1 }))!;
    expect(first.items.map((row) => row.id)).toEqual([newer]);
    expect(first.items[0]).toMatchObject({ status: "failed", attempts: 3, lastError: "550 5.1.1 Mailbox unknown" });
    expect(first.items[0]).not.toHaveProperty("htmlBody");
    const second = (await readOutbox(admin, { limit: 1, cursor: first.next! }))!;
    expect(second.items.map((row) => row.id)).toEqual([older]);

    const failed = (await readOutbox(admin, { status: "failed", limit: 100 }))!;
    expect(failed.items.every((row) => row.status === "failed")).toBe(true);
    expect(failed.items.map((row) => row.id)).toContain(newer);
    expect(failed.items.map((row) => row.id)).not.toContain(older);

    expect(await readOutboxEmail(admin, older)).toMatchObject({
      textBody: "Bonjour,\nvotre demande avance.",
      htmlBody: "<p>Bonjour,<br>votre demande <b>avance</b>.</p>",
    });
    expect(await readOutboxEmail(admin, randomUUID())).toBeNull();
    expect(await readOutbox(technician, { limit: 10 })).toBeNull();
    expect(await readOutboxEmail(technician, older)).toBeNull();
  });

  test("Renvoyer puts a failed e-mail back to the worker, which tries once more", async () => {
    const id = await writeEmail({ status: "failed", attempts: 2, lastError: "550 5.1.1 Mailbox unknown" });

    expect(await resendOutboxEmail(technician, { id })).toEqual({ ok: false, failure: expect.objectContaining({ kind: "forbidden" }) });
    expect(await rowOf(id)).toMatchObject({ status: "failed", attempts: 2 });

    expect(await resendOutboxEmail(admin, { id })).toEqual({ ok: true, value: { id } });
    // Still no SMTP server here: the worker's new attempt keeps it, saying so.
    await expect.poll(async () => (await rowOf(id)).attempts, poll).toBe(3);
    expect(await rowOf(id)).toMatchObject({ status: "failed", lastError: NO_SMTP_SERVER });
  });

  test("Renvoyer refuses an e-mail that is not failed, or that does not exist", async () => {
    const sent = await writeEmail({ status: "sent", sentAt: new Date() });
    expect(await resendOutboxEmail(admin, { id: sent })).toEqual({ ok: false, failure: expect.objectContaining({ kind: "conflict" }) });
    expect(await rowOf(sent)).toMatchObject({ status: "sent" });
    expect(await resendOutboxEmail(admin, { id: randomUUID() })).toEqual({ ok: false, failure: { kind: "not_found" } });
  });
});
