import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as comment } from "@/app/api/v1/tickets/[reference]/comments/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import { idempotencyKeys, outboxEmails, ticketEvents, tickets } from "@/db/schema";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { purgeIdempotencyKeys } from "@/lib/services/idempotency/idempotency-keys";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { useOwnDatabase } from "../support/own-database";

type Ref = { reference: string };
let drop: () => Promise<void>;
let choiseul: string, palissy: string;

beforeAll(async () => {
  drop = await useOwnDatabase("idempotency");
  [choiseul, palissy] = await Promise.all([tokenFor("csl.choiseul@guichet.test"), tokenFor("csl.palissy@guichet.test")]);
});
afterAll(() => drop());

const request = (title: string, uai = "0370037P") => ({
  type: "incident",
  serviceCode: "POSTE",
  categoryCode: "POSTE-PANNE",
  establishmentUai: uai,
  title,
  description: "Écran noir depuis ce matin, salle B204.",
  impact: "individual",
  urgency: "medium",
});

const post = <Body = ProblemBody>(body: unknown, key: string | null, token = choiseul) =>
  callRoute<Body>(create, { path: "/tickets", token, body, headers: key === null ? {} : { "Idempotency-Key": key } });

const ticketsTitled = async (title: string) =>
  (await database().select({ reference: tickets.reference }).from(tickets).where(eq(tickets.title, title))).map((row) => row.reference);

const mailsAbout = async (reference: string) =>
  (
    await database()
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(sql`${outboxEmails.subject} like ${`%${reference}%`}`)
  ).length;

describe("POST /api/v1/tickets with Idempotency-Key", () => {
  test("a retry with the same key answers the first ticket and creates nothing, not even a mail", async () => {
    const first = await post<TicketJson>(request("Retry: same key"), "retry-same-key-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const mails = await mailsAbout(first.body.reference);
    expect(mails).toBeGreaterThan(0);

    const retry = await post<TicketJson>(request("Retry: same key"), "retry-same-key-1");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("location")).toBe(`/api/v1/tickets/${first.body.reference}`);
    expect(retry.body.reference).toBe(first.body.reference);
    expect(retry.body.title).toBe("Retry: same key");
    expect(await ticketsTitled("Retry: same key")).toEqual([first.body.reference]);
    expect(await mailsAbout(first.body.reference)).toBe(mails);
  });

  test("the same key with another body is 422 problem+json and creates nothing", async () => {
    const first = await post<TicketJson>(request("Reuse: first"), "reuse-key-1");
    expect(first.status).toBe(201);
    const reused = await post(request("Reuse: another request"), "reuse-key-1");
    expect(reused.status).toBe(422);
    expect(reused.headers.get("content-type")).toBe("application/problem+json");
    expect(reused.body.title).toBe("Clé d'idempotence déjà utilisée");
    expect(await ticketsTitled("Reuse: another request")).toEqual([]);
  });

  test("simultaneous retries with one key make one ticket, and all answer it", async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => post<TicketJson>(request("Race: five at once"), "race-key-1")));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    const created = await ticketsTitled("Race: five at once");
    expect(created).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.reference))).toEqual(new Set(created));
    expect(answers.filter((answer) => answer.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
  });

  test("a key is the caller's own: another school's CSL with the same key files its own ticket", async () => {
    const mine = await post<TicketJson>(request("Own key: Choiseul"), "shared-key-1");
    const theirs = await post<TicketJson>(request("Own key: Palissy", "0450029M"), "shared-key-1", palissy);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.reference).not.toBe(mine.body.reference);
    expect(theirs.body.establishment.uai).toBe("0450029M");
  });

  test.each([
    ["empty", " "],
    ["with a space", "two words"],
    ["too long", "k".repeat(256)],
  ])("a malformed key (%s) is 400 and files nothing", async (_label, key) => {
    const refused = await post(request(`Malformed key ${key.length}`), key);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain("Idempotency-Key");
    expect(await ticketsTitled(`Malformed key ${key.length}`)).toEqual([]);
  });

  test("a refused filing records no key: the corrected request with the same key is filed", async () => {
    const refused = await post(request("Refused first", "0450029M"), "refused-key-1");
    expect(refused.status).toBe(403);
    const filed = await post<TicketJson>(request("Refused first"), "refused-key-1");
    expect(filed.status).toBe(201);
    expect(filed.headers.get("idempotent-replayed")).toBeNull();
  });

  test("past 24 hours a key files again, and the hourly purge deletes only keys past the window", async () => {
    const first = await post<TicketJson>(request("Window: day one"), "window-key-1");
    await post<TicketJson>(request("Window: fresh"), "window-key-2");
    await database()
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, "window-key-1"));
    const later = await post<TicketJson>(request("Window: day one"), "window-key-1");
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(later.body.reference).not.toBe(first.body.reference);

    await database()
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, "window-key-1"));
    expect(await purgeIdempotencyKeys(new Date())).toBe(1);
    const left = await database().select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left.map((row) => row.key)).toContain("window-key-2");
    expect(left.map((row) => row.key)).not.toContain("window-key-1");
  });
});

describe("POST /api/v1/tickets/{reference}/comments with Idempotency-Key", () => {
  const say = <Body = ProblemBody>(reference: string, body: string, key: string) =>
    callRoute<Body, Ref>(comment, {
      path: `/tickets/${reference}/comments`,
      token: choiseul,
      body: { body, visibility: "public" },
      params: { reference },
      headers: { "Idempotency-Key": key },
    });
  const commentsOn = async (reference: string) =>
    (
      await database()
        .select({ id: ticketEvents.id })
        .from(ticketEvents)
        .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
        .where(sql`${tickets.reference} = ${reference} and ${ticketEvents.kind} = 'comment'`)
    ).length;

  test("a retried reply is written once; the same key on another ticket is 422", async () => {
    const one = (await post<TicketJson>(request("Comments: one"), null)).body.reference;
    const two = (await post<TicketJson>(request("Comments: two"), null)).body.reference;
    const first = await say<{ id: number; reference: string }>(one, "Merci, c'est bien la salle B204.", "reply-key-1");
    const retry = await say<{ id: number; reference: string }>(one, "Merci, c'est bien la salle B204.", "reply-key-1");
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await commentsOn(one)).toBe(1);

    const elsewhere = await say(two, "Merci, c'est bien la salle B204.", "reply-key-1");
    expect(elsewhere.status).toBe(422);
    expect(await commentsOn(two)).toBe(0);
  });
});
