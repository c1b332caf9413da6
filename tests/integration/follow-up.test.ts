import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { outboxEmails, ticketRatings, tickets } from "@/db/schema";
import { createRatingToken } from "@/lib/services/tickets/rating-link";
import type { Caller } from "@/lib/domain/caller";
import { env } from "@/lib/env";
import { addComment } from "@/lib/services/tickets/add-comment";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readTicket } from "@/lib/services/tickets/read-ticket";
import { closeStaleResolutions, rateTicket, rateWithLink, requesterTransition } from "@/lib/services/tickets/requester-actions";
import { callerFor } from "../support/callers";
import { sampleFiles } from "../support/sample-files";

let requester: Caller, otherSchool: Caller, technician: Caller;
const DAY = 86_400_000;

beforeAll(async () => {
  [requester, otherSchool, technician] = await Promise.all([
    callerFor("csl.choiseul@guichet.test"),
    callerFor("csl.palissy@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
  ]);
});

async function fileOne(now = new Date()) {
  const created = await createTicket(
    requester,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-DYSF",
      establishmentUai: "0370037P",
      title: "Poste très lent",
      description: "Salle B204, poste 3.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    [],
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return created.value.reference;
}

const setStatus = (reference: string, values: Partial<typeof tickets.$inferInsert>) =>
  database().update(tickets).set(values).where(eq(tickets.reference, reference));
const statusOf = async (reference: string) =>
  (await database().select({ status: tickets.status }).from(tickets).where(eq(tickets.reference, reference)))[0]!.status;
const mailKinds = async (reference: string) => {
  const rows = await database()
    .select({ key: outboxEmails.idempotencyKey })
    .from(outboxEmails)
    .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
    .where(eq(tickets.reference, reference));
  return rows.map((row) => row.key.split(":")[0]).sort();
};

describe("filing is all or nothing", () => {
  test("a refused attachment rejects the whole ticket with its reason, writing nothing", async () => {
    const count = async () =>
      Number(
        (await database().execute(sql`SELECT (SELECT count(*) FROM tickets) + (SELECT coalesce(sum(last), 0) FROM ticket_counters) AS n`))
          .rows[0]!.n,
      );
    const before = await count();
    const result = await createTicket(
      requester,
      {
        type: "incident",
        serviceCode: "POSTE",
        categoryCode: "POSTE-PANNE",
        establishmentUai: "0370037P",
        title: "Écran noir",
        description: "x",
        impact: "individual",
        urgency: "low",
        fields: {},
        ciIds: [],
      },
      [
        { name: "capture.png.exe", bytes: sampleFiles.exe() },
        { name: "ecran.png", bytes: sampleFiles.png() },
      ],
      new Date(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: "invalid", errors: [{ field: "attachments" }] });
    expect(JSON.stringify(result.failure)).toContain("capture.png.exe");
    expect(await count()).toBe(before);
  });

  test("accepted attachments are stored with the creation message and listed on the ticket", async () => {
    const created = await createTicket(
      requester,
      {
        type: "incident",
        serviceCode: "POSTE",
        categoryCode: "POSTE-PANNE",
        establishmentUai: "0370037P",
        title: "Écran noir",
        description: "Voir capture.",
        impact: "individual",
        urgency: "low",
        fields: {},
        ciIds: [],
      },
      [
        { name: "ecran noir.png", bytes: sampleFiles.png() },
        { name: "bon de livraison.pdf", bytes: sampleFiles.pdf() },
      ],
      new Date(),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const read = await readTicket(requester, created.value.reference, new Date());
    expect(read!.journal[0]!.attachments.map((file) => file.fileName).sort()).toEqual(["bon de livraison.pdf", "ecran noir.png"]);
  });
});

describe("the requester's side of the lifecycle", () => {
  test("a reply to a ticket waiting for the requester puts it back in progress, journalled", async () => {
    const reference = await fileOne();
    await setStatus(reference, { status: "waiting_requester" });
    const replied = await addComment(requester, reference, { body: "C'est le poste 3, oui.", visibility: "public" }, [], new Date());
    expect(replied.ok).toBe(true);
    expect(await statusOf(reference)).toBe("in_progress");
    const read = await readTicket(requester, reference, new Date());
    expect(read!.journal.map((event) => event.kind)).toEqual(["created", "assignment_changed", "comment", "status_changed"]);
    expect(read!.journal.at(-1)!.data).toEqual({ from: "waiting_requester", to: "in_progress" });
  });

  test("the requester never sees internal notes; the technician does", async () => {
    const reference = await fileOne();
    await addComment(technician, reference, { body: "Disque à changer (note interne).", visibility: "internal" }, [], new Date());
    const bodies = async (caller: Caller) => (await readTicket(caller, reference, new Date()))!.journal.map((event) => event.body);
    expect(await bodies(requester)).not.toContain("Disque à changer (note interne).");
    expect(await bodies(technician)).toContain("Disque à changer (note interne).");
  });

  test("cancel an open ticket once; another school cannot", async () => {
    const reference = await fileOne();
    expect((await requesterTransition(otherSchool, reference, "cancel", undefined, new Date())).ok).toBe(false);
    expect(await requesterTransition(requester, reference, "cancel", undefined, new Date())).toEqual({
      ok: true,
      value: { status: "cancelled" },
    });
    const again = await requesterTransition(requester, reference, "cancel", undefined, new Date());
    expect(again).toMatchObject({ ok: false, failure: { kind: "conflict" } });
  });

  test("confirming a resolution closes the ticket and sends the closing e-mail; then it can be rated once", async () => {
    const reference = await fileOne();
    await setStatus(reference, { status: "resolved", resolvedAt: new Date(Date.now() - DAY) });
    expect((await readTicket(requester, reference, new Date()))!.actions).toEqual(["confirm", "reopen"]);
    expect((await requesterTransition(requester, reference, "confirm", undefined, new Date())).ok).toBe(true);
    expect(await statusOf(reference)).toBe("closed");
    expect(await mailKinds(reference)).toEqual(["closed", "created"]);
    expect((await readTicket(requester, reference, new Date()))!.actions).toEqual(["rate"]);
    expect((await rateTicket(requester, reference, { score: 5, comment: "Rapide et efficace" }, new Date())).ok).toBe(true);
    expect(await rateTicket(requester, reference, { score: 1 }, new Date())).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    expect((await readTicket(requester, reference, new Date()))!.ticket.rating).toEqual({ score: 5, comment: "Rapide et efficace" });
  });

  test("reopening needs a reason and is open for 10 days after the resolution", async () => {
    const reference = await fileOne();
    await setStatus(reference, { status: "resolved", resolvedAt: new Date(Date.now() - 3 * DAY) });
    expect(await requesterTransition(requester, reference, "reopen", " ", new Date())).toMatchObject({
      ok: false,
      failure: { kind: "invalid" },
    });
    expect(await requesterTransition(requester, reference, "reopen", "Le poste est toujours lent.", new Date())).toEqual({
      ok: true,
      value: { status: "assigned" },
    });
    const [row] = await database().select({ resolvedAt: tickets.resolvedAt }).from(tickets).where(eq(tickets.reference, reference));
    expect(row!.resolvedAt).toBeNull();

    const late = await fileOne();
    await setStatus(late, { status: "resolved", resolvedAt: new Date(Date.now() - 11 * DAY) });
    expect(await requesterTransition(requester, late, "reopen", "Toujours lent.", new Date())).toMatchObject({
      ok: false,
      failure: { kind: "conflict" },
    });
  });

  test("the worker closes resolutions left 10 days without answer, with the closing e-mail", async () => {
    const stale = await fileOne();
    const recent = await fileOne();
    await setStatus(stale, { status: "resolved", resolvedAt: new Date(Date.now() - 11 * DAY) });
    await setStatus(recent, { status: "resolved", resolvedAt: new Date(Date.now() - 2 * DAY) });
    expect(await closeStaleResolutions(new Date())).toBeGreaterThanOrEqual(1);
    expect(await statusOf(stale)).toBe("closed");
    expect(await statusOf(recent)).toBe("resolved");
    expect(await mailKinds(stale)).toEqual(["closed", "created"]);
  });
});

describe("rating from the closing e-mail's link", () => {
  async function closedTicket() {
    const reference = await fileOne();
    await setStatus(reference, { status: "closed", closedAt: new Date() });
    const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
    return { reference, id: row!.id };
  }

  test("works once without signing in", async () => {
    const { reference, id } = await closedTicket();
    const token = createRatingToken(id, new Date(), env().AUTH_SECRET);
    expect(await rateWithLink(token, { score: 4, comment: "Bien" }, new Date())).toEqual({ ok: true, value: { reference } });
    expect(await rateWithLink(token, { score: 1 }, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "conflict", message: "rating.errors.alreadyRated" },
    });
    const [rating] = await database().select().from(ticketRatings).where(eq(ticketRatings.ticketId, id));
    expect(rating).toMatchObject({ score: 4, comment: "Bien", ratedById: null });
  });

  test("expires after 30 days; a forged token is not found", async () => {
    const { id } = await closedTicket();
    const token = createRatingToken(id, new Date(Date.now() - 31 * DAY), env().AUTH_SECRET);
    expect(await rateWithLink(token, { score: 3 }, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "conflict", message: "rating.errors.expired" },
    });
    expect(
      await rateWithLink(createRatingToken(id, new Date(), "another-secret-of-forty-characters-xxxxx"), { score: 3 }, new Date()),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
  });
});
