import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as downloadAttachment } from "@/app/api/v1/attachments/[id]/route";
import { GET as queue } from "@/app/api/v1/queues/[queue]/route";
import { POST as comments } from "@/app/api/v1/tickets/[reference]/comments/route";
import { POST as escalations } from "@/app/api/v1/tickets/[reference]/escalations/route";
import { POST as handBack } from "@/app/api/v1/tickets/[reference]/hand-back/route";
import { GET as getTicket, PATCH as patch } from "@/app/api/v1/tickets/[reference]/route";
import { GET as list } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import { attachments, outboxEmails, teams, ticketEvents, tickets, ticketWatchers, vendorAccess, vendorWaits } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { addComment } from "@/lib/services/tickets/add-comment";
import { linkRelated, mergeDuplicate } from "@/lib/services/desk/update-ticket";
import { queueCounts } from "@/lib/services/desk/queues";
import { readTicket } from "@/lib/services/tickets/read-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { fileSwitchIncident } from "../support/switch-incident";
import { sampleFiles } from "../support/sample-files";

type Ref = { reference: string };
type Answer = TicketJson & Omit<ProblemBody, "status">;

let choiseul: string, techOuest: string, scc: string;
let technician: Caller, vendor: Caller, requester: Caller;

beforeAll(async () => {
  [choiseul, techOuest, scc] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
  [technician, vendor, requester] = await Promise.all([
    callerFor("tech.ouest@guichet.test"),
    callerFor("sav.scc@guichet.test"),
    callerFor("csl.choiseul@guichet.test"),
  ]);
});

const patchTicket = (reference: string, token: string, body: unknown) =>
  callRoute<Answer, Ref>(patch, { path: `/tickets/${reference}`, token, body, method: "PATCH", params: { reference } });
const escalate = (reference: string, token: string, body: unknown) =>
  callRoute<Answer, Ref>(escalations, { path: `/tickets/${reference}/escalations`, token, body, params: { reference } });
const comment = (reference: string, token: string, body: unknown) =>
  callRoute<{ id: number } & ProblemBody, Ref>(comments, { path: `/tickets/${reference}/comments`, token, body, params: { reference } });
const giveBack = (reference: string, token: string, body: unknown) =>
  callRoute<Answer, Ref>(handBack, { path: `/tickets/${reference}/hand-back`, token, body, params: { reference } });
const read = (reference: string, token: string) =>
  callRoute<Answer, Ref>(getTicket, { path: `/tickets/${reference}`, token, params: { reference } });
const queueOf = (name: string, token: string) =>
  callRoute<{ items: TicketJson[] } & ProblemBody, { queue: string }>(queue, {
    path: `/queues/${name}?limit=100`,
    token,
    params: { queue: name },
  });
/** The references GET /api/v1/tickets lists for a search on one reference. */
const listed = async (reference: string, token: string) =>
  (await callRoute<{ items: TicketJson[] }>(list, { path: `/tickets?q=${reference}`, token })).body.items.map((item) => item.reference);
const download = (id: string, token: string) =>
  downloadAttachment(new Request(`http://localhost:3000/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id }),
  });

const file = () => fileSwitchIncident(choiseul);

/** An internal note of the technician with one file; its event and file ids. */
async function internalNote(reference: string, body: string, fileName: string) {
  const added = await addComment(
    technician,
    reference,
    { body, visibility: "internal" },
    [{ name: fileName, bytes: sampleFiles.text(`${body}\n`) }],
    new Date(),
  );
  if (!added.ok) throw new Error(JSON.stringify(added.failure));
  const [attachment] = await database()
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.eventId, added.value.eventId));
  return { eventId: added.value.eventId, fileId: attachment!.id };
}

/**
 * A ticket escalated to SCC by the Ouest technician, sharing one internal note and its file and keeping
 * another note (and file) to the Région; a public reply too.
 */
async function escalatedToScc() {
  const ticket = await file();
  const shared = await internalNote(ticket.reference, "Switch HP 2530 sous garantie, numéro de série CN123", "garantie.txt");
  const secret = await internalNote(ticket.reference, "Le proviseur menace d'écrire au président de Région", "confidentiel.txt");
  expect((await comment(ticket.reference, techOuest, { body: "Nous transmettons au prestataire.", visibility: "public" })).status).toBe(
    201,
  );
  const escalated = await escalate(ticket.reference, techOuest, {
    target: "vendor",
    teamCode: "PREST-SCC",
    vendorReference: "SCC-1",
    reason: "Remplacement du switch sous garantie",
    sharedEventIds: [shared.eventId],
    sharedAttachmentIds: [shared.fileId],
  });
  expect(escalated.status).toBe(201);
  return { reference: ticket.reference, shared, secret };
}

/** What a refused move must leave untouched: the ticket row, its journal, its vendor access, its outgoing mail. */
async function snapshot(reference: string) {
  const db = database();
  const [ticket] = await db.select().from(tickets).where(eq(tickets.reference, reference));
  const [events] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticket!.id));
  const access = await db.select().from(vendorAccess).where(eq(vendorAccess.ticketId, ticket!.id));
  const [mails] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .where(eq(outboxEmails.ticketId, ticket!.id));
  return { ticket, events: events!.count, access, mails: mails!.count };
}

describe("escalating to a vendor", () => {
  test("opens the vendor's access with what was shared, and adds no watcher row", async () => {
    const { reference, shared } = await escalatedToScc();
    const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
    const watchers = await database().select().from(ticketWatchers).where(eq(ticketWatchers.ticketId, ticket!.id));
    expect(watchers).toEqual([]);
    const [access] = await database().select().from(vendorAccess).where(eq(vendorAccess.ticketId, ticket!.id));
    expect(access).toMatchObject({ endedAt: null, sharedAttachmentIds: [shared.fileId] });
    expect(access!.sharedEventIds).toContain(shared.eventId);
    const listed = (await queueOf("PREST-SCC", scc)).body.items.map((item) => item.reference);
    expect(listed).toContain(reference);
    // The queue's count is what it lists.
    expect((await queueCounts(vendor))!.teams).toEqual([{ code: "PREST-SCC", name: "Prestataire SCC", count: listed.length }]);
  });

  test.each([
    [
      "a note of another ticket",
      async () => ({ sharedEventIds: [(await internalNote((await file()).reference, "Ailleurs", "ailleurs.txt")).eventId] }),
      422,
    ],
    [
      "a file of another ticket",
      async () => ({ sharedAttachmentIds: [(await internalNote((await file()).reference, "Ailleurs", "ailleurs.txt")).fileId] }),
      422,
    ],
    [
      "a public reply as a note",
      async (reference: string) => ({
        sharedEventIds: [(await comment(reference, techOuest, { body: "Public", visibility: "public" })).body.id],
      }),
      422,
    ],
    ["notes not a list", async () => ({ sharedEventIds: "12" }), 400],
  ] as const)("refuses sharing %s, and nothing is escalated", async (_, shares, status) => {
    const ticket = await file();
    const before = await snapshot(ticket.reference);
    const response = await escalate(ticket.reference, techOuest, {
      target: "vendor",
      teamCode: "PREST-SCC",
      reason: "Sous garantie",
      ...(await shares(ticket.reference)),
    });
    expect(response.status).toBe(status);
    const after = await snapshot(ticket.reference);
    expect(after.ticket).toMatchObject({ status: before.ticket!.status, vendorId: null });
    expect(after.access).toEqual([]);
  });

  test("a vendor's queue takes a ticket by escalation only, not by a transfer", async () => {
    const ticket = await file();
    const before = await snapshot(ticket.reference);
    const moved = await patchTicket(ticket.reference, techOuest, { team: "PREST-SCC" });
    expect(moved.status).toBe(422);
    expect(moved.body.errors?.map((error) => error.field)).toEqual(["team"]);
    expect(await snapshot(ticket.reference)).toEqual(before);
  });

  test("sharing goes with an escalation to a vendor only", async () => {
    const ticket = await file();
    const note = await internalNote(ticket.reference, "Note", "note.txt");
    const response = await escalate(ticket.reference, techOuest, {
      target: "academy",
      teamCode: "EQ-E-EOLE",
      reason: "Relève de l'Académie",
      sharedEventIds: [note.eventId],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.field)).toEqual(["sharedEventIds"]);
  });
});

describe("what the vendor reads", () => {
  test("the public journal, the escalation and the shared note; not the other internal note", async () => {
    const { reference, shared, secret } = await escalatedToScc();
    const found = (await readTicket(vendor, reference, new Date()))!;
    const ids = found.journal.map((event) => event.id);
    expect(ids).toContain(shared.eventId);
    expect(ids).not.toContain(secret.eventId);
    expect(found.journal.filter((event) => event.visibility === "public").length).toBeGreaterThan(0);
    expect(found.journal.some((event) => event.kind === "escalated" && event.body === "Remplacement du switch sous garantie")).toBe(true);
    expect(JSON.stringify(found.journal)).not.toContain("proviseur menace");
    expect(found.attachments.map((attachment) => attachment.id)).toEqual([shared.fileId]);
    expect(found.vendorStage).toBe("working");
    // The Région's technician still reads everything.
    expect((await readTicket(technician, reference, new Date()))!.journal.map((event) => event.id)).toEqual(
      expect.arrayContaining([shared.eventId, secret.eventId]),
    );
  });

  test("downloads the shared file; the other internal file answers 404 as an unknown one", async () => {
    const { shared, secret } = await escalatedToScc();
    const allowed = await download(shared.fileId, scc);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("sous garantie");
    expect((await download(secret.fileId, scc)).status).toBe(404);
    expect((await download(secret.fileId, techOuest)).status).toBe(200);
  });

  test("another vendor sees nothing of it", async () => {
    const { reference } = await escalatedToScc();
    const [other] = await database()
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.party, "vendor"), ne(teams.code, "PREST-SCC"), sql`${teams.vendorId} is not null`))
      .limit(1);
    expect(await readTicket({ ...vendor, teamIds: [other!.id] }, reference, new Date())).toBeNull();
  });
});

describe("what the vendor may not do while the ticket waits for it: 403, the ticket unchanged", () => {
  test.each([
    ["raise impact and urgency to P1", (reference: string) => patchTicket(reference, scc, { impact: "school", urgency: "high" })],
    ["raise the urgency only", (reference: string) => patchTicket(reference, scc, { urgency: "high" })],
    ["resolve it", (reference: string) => patchTicket(reference, scc, { status: "resolved", message: "Switch remplacé." })],
    ["set it in progress", (reference: string) => patchTicket(reference, scc, { status: "in_progress" })],
    ["move it to another zone's team", (reference: string) => patchTicket(reference, scc, { team: "PROX-EST" })],
    ["take it", (reference: string) => patchTicket(reference, scc, { assignee: "me" })],
    [
      "set its reference along with a status",
      (reference: string) => patchTicket(reference, scc, { vendorReference: "SCC-2", status: "resolved" }),
    ],
    [
      "escalate it to the Académie",
      (reference: string) => escalate(reference, scc, { target: "academy", teamCode: "EQ-E-EOLE", reason: "Pas pour nous" }),
    ],
    [
      "escalate it to another vendor",
      (reference: string) => escalate(reference, scc, { target: "vendor", teamCode: "PREST-SCC", reason: "Encore" }),
    ],
    [
      "answer the school directly",
      (reference: string) => comment(reference, scc, { body: "Bonjour, nous passons demain.", visibility: "public" }),
    ],
  ])("%s", async (_, move) => {
    const { reference } = await escalatedToScc();
    const before = await snapshot(reference);
    const response = await move(reference);
    expect(response.status).toBe(403);
    expect(await snapshot(reference)).toEqual(before);
  });

  test.each([
    ["link it to another ticket", (reference: string, other: string) => linkRelated(vendor, reference, other, new Date())],
    ["merge it into another", (reference: string, other: string) => mergeDuplicate(vendor, reference, other, "Doublon", new Date())],
  ])("%s", async (_, move) => {
    const { reference } = await escalatedToScc();
    const other = await escalatedToScc();
    const before = await snapshot(reference);
    const result = await move(reference, other.reference);
    expect(result).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await snapshot(reference)).toEqual(before);
  });

  test('the school never got a "resolved" e-mail from the vendor\'s attempt', async () => {
    const { reference } = await escalatedToScc();
    await patchTicket(reference, scc, { status: "resolved", message: "Switch remplacé." });
    const mails = await database()
      .select({ key: outboxEmails.idempotencyKey })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, reference));
    expect(mails.filter((mail) => mail.key.startsWith("resolved"))).toEqual([]);
  });
});

describe("what the vendor may do while the ticket waits for it", () => {
  test("set its own reference, and only that", async () => {
    const { reference } = await escalatedToScc();
    const response = await patchTicket(reference, scc, { vendorReference: "SCC-48213" });
    expect(response.status).toBe(200);
    expect(response.body.vendor).toEqual({ name: "SCC", reference: "SCC-48213" });
    expect(response.body).toMatchObject({
      status: "waiting_vendor",
      impact: "individual",
      urgency: "low",
      assignedTeam: { code: "PROX-OUEST" },
    });
  });

  test("reply to the Région's team: the technician reads it, the school does not, the vendor reads it back", async () => {
    const { reference } = await escalatedToScc();
    const response = await comment(reference, scc, { body: "Pièce commandée, passage jeudi.", visibility: "internal" });
    expect(response.status).toBe(201);
    const bodies = async (who: Caller) => (await readTicket(who, reference, new Date()))!.journal.map((event) => event.body);
    expect(await bodies(technician)).toContain("Pièce commandée, passage jeudi.");
    expect(await bodies(vendor)).toContain("Pièce commandée, passage jeudi.");
    expect(await bodies(requester)).not.toContain("Pièce commandée, passage jeudi.");
    // E-mailed to the Région's team holding the ticket, never to the school nor back to the vendor.
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, reference));
    const told = mails.filter((mail) => mail.text.includes("Pièce commandée")).map((mail) => mail.to);
    expect(told).toContain("tech.ouest@guichet.test");
    expect(told).not.toContain("csl.choiseul@guichet.test");
    expect(told).not.toContain("sav.scc@guichet.test");
  });

  test("its reply's files are the Région's and its own: the school cannot download them", async () => {
    const { reference } = await escalatedToScc();
    const added = await addComment(
      vendor,
      reference,
      { body: "Bon d'intervention joint.", visibility: "internal" },
      [
        { name: "bon.txt", bytes: sampleFiles.text("Bon d'intervention SCC\n") },
        { name: "photo.png", bytes: sampleFiles.png() },
      ],
      new Date(),
    );
    expect(added.ok).toBe(true);
    const files = await database()
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.eventId, added.ok ? added.value.eventId : -1));
    expect(files).toHaveLength(2);
    for (const { id } of files) {
      expect((await download(id, scc)).status).toBe(200);
      expect((await download(id, techOuest)).status).toBe(200);
      expect((await download(id, choiseul)).status).toBe(404);
    }
  });

  test("hand it back with a report: the wait ends, the Région's team resolves, and the vendor is read-only", async () => {
    const { reference } = await escalatedToScc();
    const handed = await giveBack(reference, scc, { report: "Switch remplacé (n° de série CN999), tests OK." });
    expect(handed.status).toBe(200);
    expect(handed.body.status).toBe("assigned");

    const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
    const waits = await database().select({ endedAt: vendorWaits.endedAt }).from(vendorWaits).where(eq(vendorWaits.ticketId, ticket!.id));
    expect(waits).toHaveLength(1);
    expect(waits[0]!.endedAt).not.toBeNull();
    const [access] = await database()
      .select({ endedAt: vendorAccess.endedAt })
      .from(vendorAccess)
      .where(eq(vendorAccess.ticketId, ticket!.id));
    expect(access!.endedAt).not.toBeNull();

    // The report is the Région's to read (and the vendor's own), never the school's.
    const technicianView = (await readTicket(technician, reference, new Date()))!;
    expect(technicianView.journal.find((event) => event.body?.startsWith("Switch remplacé"))?.visibility).toBe("internal");
    expect((await readTicket(requester, reference, new Date()))!.journal.map((event) => event.body)).not.toContain(
      "Switch remplacé (n° de série CN999), tests OK.",
    );
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, reference));
    expect(mails.filter((mail) => mail.subject.includes("rendu par le prestataire")).map((mail) => mail.to)).toContain(
      "tech.ouest@guichet.test",
    );
    expect(
      mails
        .filter((mail) => mail.to === "csl.choiseul@guichet.test")
        .map((mail) => mail.subject)
        .join(),
    ).not.toMatch(/prestataire|résolue/);

    // Read-only: it still reads, every write is refused and changes nothing.
    expect((await read(reference, scc)).status).toBe(200);
    expect((await readTicket(vendor, reference, new Date()))!.vendorStage).toBe("read_only");
    const before = await snapshot(reference);
    expect((await patchTicket(reference, scc, { vendorReference: "SCC-3" })).status).toBe(403);
    expect((await comment(reference, scc, { body: "Encore un mot", visibility: "internal" })).status).toBe(403);
    expect((await giveBack(reference, scc, { report: "Deuxième rapport" })).status).toBe(403);
    expect(await snapshot(reference)).toEqual(before);
    expect((await queueOf("PREST-SCC", scc)).body.items.map((item) => item.reference)).not.toContain(reference);

    // The Région's team resolves.
    expect((await patchTicket(reference, techOuest, { assignee: "me" })).status).toBe(200);
    expect((await patchTicket(reference, techOuest, { status: "resolved", message: "Le switch a été remplacé." })).body.status).toBe(
      "resolved",
    );
  });

  test("the hand-back needs a report, and is the vendor's alone", async () => {
    const { reference } = await escalatedToScc();
    expect((await giveBack(reference, scc, { report: "" })).status).toBe(400);
    expect((await giveBack(reference, techOuest, { report: "Je rends à la place du prestataire" })).status).toBe(403);
    expect((await giveBack(reference, choiseul, { report: "Je rends" })).status).toBe(403);
  });

  test("the Région moving the ticket on (here to the Académie) ends the vendor's wait too", async () => {
    const { reference } = await escalatedToScc();
    expect(
      (await escalate(reference, techOuest, { target: "academy", teamCode: "EQ-E-EOLE", reason: "Relève du pare-feu académique" })).status,
    ).toBe(201);
    expect((await readTicket(vendor, reference, new Date()))!.vendorStage).toBe("read_only");
    expect((await patchTicket(reference, scc, { vendorReference: "SCC-4" })).status).toBe(403);
  });
});

describe("30 days after the wait ended", () => {
  test("the vendor no longer sees the ticket nor its files: 404 as for an unknown one", async () => {
    const { reference, shared } = await escalatedToScc();
    expect((await giveBack(reference, scc, { report: "Réparé." })).status).toBe(200);
    expect(await listed(reference, scc)).toEqual([reference]);
    const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
    // The clock moves on: the wait ended 30 days and a minute ago.
    await database()
      .update(vendorAccess)
      .set({ endedAt: new Date(Date.now() - 30 * 86_400_000 - 60_000) })
      .where(eq(vendorAccess.ticketId, ticket!.id));
    expect((await read(reference, scc)).status).toBe(404);
    expect((await download(shared.fileId, scc)).status).toBe(404);
    expect((await comment(reference, scc, { body: "Encore là ?", visibility: "internal" })).status).toBe(404);
    expect((await patchTicket(reference, scc, { vendorReference: "SCC-5" })).status).toBe(404);
    expect(await readTicket(vendor, reference, new Date())).toBeNull();
    expect(await listed(reference, scc)).toEqual([]);
    expect((await read(reference, techOuest)).status).toBe(200);
  });
});
