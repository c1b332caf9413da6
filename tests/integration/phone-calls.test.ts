import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as create } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import { auditEvents, establishments, notifications, outboxEmails, ticketEvents, tickets, userEstablishments, users } from "@/db/schema";
import { ticketJson } from "@/lib/api/ticket-json";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { periodInstants, type Period } from "@/lib/domain/dashboard-period";
import { parisDay } from "@/lib/domain/business-calendar";
import type { TicketJson } from "@/lib/schemas/api-responses";
import type { CreateTicketInput } from "@/lib/schemas/tickets";
import { createCallContact } from "@/lib/services/desk/create-call-contact";
import { callContacts, callSchool, callSchools } from "@/lib/services/desk/phone-call-steps";
import { ticketFigures } from "@/lib/services/dashboards/ticket-figures";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readTicket } from "@/lib/services/tickets/read-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

/**
 * "Nouvel appel" (issue 18): Thomas Leroy (technicien Ouest) files for Claire Martin (CSL of Lycée Choiseul, 0370037P,
 * zone Ouest) on the phone. Emma Moreau (technicienne Est) does not cover Choiseul; Sophie Petit is Palissy's CSL.
 */
const actor: AuditActor = { userId: null, label: "test", ip: null, requestId: null };

let drop: () => Promise<void>;
let tech: Caller, techEst: Caller, csl: Caller, head: Caller, cslPalissy: Caller, serviceLead: Caller, vendor: Caller;
let choiseulId: string;

const call = (overrides: Partial<CreateTicketInput> = {}): CreateTicketInput => ({
  type: "incident",
  serviceCode: "POSTE",
  categoryCode: "POSTE-PANNE",
  establishmentUai: "0370037P",
  title: "Le poste de la salle B204 ne démarre plus",
  description: "Appel de la CSL : écran noir depuis ce matin.",
  impact: "group",
  urgency: "high",
  fields: {},
  ciIds: [],
  ...overrides,
});

async function ticketRow(reference: string) {
  const [row] = await database().select().from(tickets).where(eq(tickets.reference, reference));
  return row!;
}

beforeAll(async () => {
  drop = await useOwnDatabase("phone_calls");
  [tech, techEst, csl, head, cslPalissy, serviceLead, vendor] = (await Promise.all(
    [
      "tech.ouest@guichet.test",
      "tech.est@guichet.test",
      "csl.choiseul@guichet.test",
      "proviseur.choiseul@guichet.test",
      "csl.palissy@guichet.test",
      "chef.service@guichet.test",
      "sav.scc@guichet.test",
    ].map(callerFor),
  )) as [Caller, Caller, Caller, Caller, Caller, Caller, Caller];
  const [school] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
  choiseulId = school!.id;
});

afterAll(async () => {
  await drop();
});

describe("filing a call for a school's contact", () => {
  let reference: string;

  beforeAll(async () => {
    const filed = await createTicket(tech, call({ requesterId: csl.id }), [], new Date(), actor, { channel: "phone" });
    if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
    reference = filed.value.reference;
  });

  test("the contact is the requester, the technician who took the call is recorded, the channel is phone", async () => {
    const row = await ticketRow(reference);
    expect(row).toMatchObject({ requesterId: csl.id, takenById: tech.id, channel: "phone", establishmentId: choiseulId });
  });

  test("the journal's first entry is the contact's, and says it came by phone and who took it", async () => {
    const row = await ticketRow(reference);
    const [created] = await database()
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, row.id), eq(ticketEvents.kind, "created")));
    expect(created).toMatchObject({ authorId: csl.id, visibility: "public" });
    expect(created!.data).toMatchObject({ channel: "phone", takenBy: { id: tech.id, name: tech.name } });
  });

  test("the creation e-mail goes to the contact, not to the technician", async () => {
    const row = await ticketRow(reference);
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.ticketId, row.id), like(outboxEmails.idempotencyKey, "created:%")));
    expect(mails.map((mail) => mail.to)).toEqual(["csl.choiseul@guichet.test"]);
    expect(mails[0]!.subject).toContain(reference);
  });

  test("the team hears of the new ticket, not the technician who filed it", async () => {
    const row = await ticketRow(reference);
    const told = await database()
      .select({ recipientId: notifications.recipientId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.ticketId, row.id));
    expect(told.map((each) => each.recipientId)).not.toContain(tech.id);
    expect(told.length).toBeGreaterThan(0);
  });

  test("the contact follows it as its requester; the technician who took it still sees it", async () => {
    expect(await readTicket(csl, reference, new Date())).not.toBeNull();
    const seen = await readTicket(tech, reference, new Date());
    expect(seen).not.toBeNull();
  });

  test("the ticket's JSON says the channel and who took the call", async () => {
    const seen = await readTicket(csl, reference, new Date());
    const json = ticketJson(seen!.ticket);
    expect(json).toMatchObject({ channel: "phone", takenBy: { id: tech.id, name: tech.name }, requester: { name: csl.name } });
  });

  test("a ticket the school files itself says portal, taken by nobody", async () => {
    const filed = await createTicket(csl, call({ title: "Imprimante bloquée en salle des profs" }), [], new Date(), actor);
    if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
    expect(await ticketRow(filed.value.reference)).toMatchObject({ requesterId: csl.id, takenById: null, channel: "portal" });
    const json = ticketJson((await readTicket(csl, filed.value.reference, new Date()))!.ticket);
    expect(json).toMatchObject({ channel: "portal", takenBy: null });
  });
});

describe("who may file for a contact", () => {
  test.each([
    ["school staff, even for a colleague of their own school", () => csl, () => head.id],
    ["a technician of another zone", () => techEst, () => csl.id],
    ["a vendor's agent", () => vendor, () => csl.id],
  ])("refused: %s", async (_label, who, contact) => {
    const before = await database().$count(tickets);
    const filed = await createTicket(who(), call({ requesterId: contact() }), [], new Date(), actor, { channel: "phone" });
    expect(filed.ok).toBe(false);
    if (!filed.ok) expect(filed.failure).toMatchObject({ kind: "forbidden" });
    expect(await database().$count(tickets)).toBe(before);
  });

  test("refused: a contact of another school", async () => {
    const filed = await createTicket(tech, call({ requesterId: cslPalissy.id }), [], new Date(), actor, { channel: "phone" });
    expect(filed.ok).toBe(false);
    if (!filed.ok) expect(filed.failure).toMatchObject({ kind: "unprocessable", message: "desk.calls.errors.notAContact" });
  });

  test("refused: a staff account named as the contact", async () => {
    const filed = await createTicket(serviceLead, call({ requesterId: tech.id }), [], new Date(), actor, { channel: "phone" });
    expect(filed.ok).toBe(false);
    if (!filed.ok) expect(filed.failure).toMatchObject({ kind: "unprocessable" });
  });

  test("allowed: the service lead for any school's contact", async () => {
    const filed = await createTicket(serviceLead, call({ requesterId: head.id }), [], new Date(), actor, { channel: "phone" });
    expect(filed.ok).toBe(true);
  });
});

describe("the call's steps read only the caller's schools", () => {
  test("a technician finds the schools of their zone, not another zone's", async () => {
    expect((await callSchools(tech, "Choiseul")).map((school) => school.uai)).toEqual(["0370037P"]);
    expect(await callSchools(techEst, "Choiseul")).toEqual([]);
    expect(await callSchool(techEst, "0370037P")).toBeNull();
    expect(await callSchools(csl, "Choiseul")).toEqual([]);
  });

  test("contacts are searched by name, function or phone", async () => {
    await database().update(users).set({ phone: "02 47 00 11 22" }).where(eq(users.id, csl.id));
    const school = (await callSchool(tech, "0370037P"))!;
    expect((await callContacts(school, "Martin")).map((contact) => contact.id)).toEqual([csl.id]);
    expect((await callContacts(school, "0247001122")).map((contact) => contact.id)).toEqual([csl.id]);
    expect((await callContacts(school, "Chef")).map((contact) => contact.id)).toEqual([head.id]);
    expect((await callContacts(school, undefined)).map((contact) => contact.id)).toEqual(expect.arrayContaining([csl.id, head.id]));
    expect((await callContacts(school, "Petit")).length).toBe(0);
  });
});

describe("a new contact", () => {
  const newcomer = { establishmentUai: "0370037P", name: "Julien Roche", phone: "02 47 12 34 56", email: "j.roche@choiseul.test" };

  test("opens a school staff account with the phone, attached to the school, invited, audited", async () => {
    const created = await createCallContact(tech, newcomer, new Date(), actor);
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    expect(created.value.created).toBe(true);
    const [user] = await database().select().from(users).where(eq(users.id, created.value.id));
    expect(user).toMatchObject({ email: "j.roche@choiseul.test", role: "requester", phone: "02 47 12 34 56", passwordHash: null });
    const links = await database().select().from(userEstablishments).where(eq(userEstablishments.userId, created.value.id));
    expect(links.map((link) => link.establishmentId)).toEqual([choiseulId]);
    const invitations = await database()
      .select({ to: outboxEmails.toAddress })
      .from(outboxEmails)
      .where(like(outboxEmails.idempotencyKey, `account:invitation:${created.value.id}:%`));
    expect(invitations).toEqual([{ to: "j.roche@choiseul.test" }]);
    const audits = await database().select().from(auditEvents).where(eq(auditEvents.objectId, created.value.id));
    expect(audits.map((audit) => audit.action)).toEqual(["account.created"]);

    // The call goes on with them: the ticket is theirs.
    const filed = await createTicket(tech, call({ requesterId: created.value.id }), [], new Date(), actor, { channel: "phone" });
    expect(filed.ok).toBe(true);
  });

  test("an address already a contact of the school gives back that contact", async () => {
    const again = await createCallContact(tech, { ...newcomer, email: "csl.choiseul@guichet.test" }, new Date(), actor);
    expect(again).toEqual({ ok: true, value: { id: csl.id, created: false } });
  });

  test("refused: an address of another school's account, or a technician of another zone", async () => {
    const elsewhere = await createCallContact(tech, { ...newcomer, email: "csl.palissy@guichet.test" }, new Date(), actor);
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.failure).toMatchObject({ kind: "invalid", message: "desk.calls.errors.emailElsewhere" });
    const outside = await createCallContact(techEst, { ...newcomer, email: "autre@choiseul.test" }, new Date(), actor);
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.failure).toMatchObject({ kind: "forbidden" });
    expect(await database().$count(users, eq(users.email, "autre@choiseul.test"))).toBe(0);
  });
});

describe("the API", () => {
  test("staff file for a contact with requesterId: channel api, takenBy them; school staff are refused", async () => {
    const techToken = await tokenFor("tech.ouest@guichet.test");
    const response = await callRoute<TicketJson>(create, { path: "/tickets", token: techToken, body: call({ requesterId: csl.id }) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ channel: "api", takenBy: { id: tech.id, name: tech.name }, requester: { name: csl.name } });

    const cslToken = await tokenFor("csl.choiseul@guichet.test");
    const refused = await callRoute<ProblemBody>(create, { path: "/tickets", token: cslToken, body: call({ requesterId: head.id }) });
    expect(refused.status).toBe(403);
    const own = await callRoute<TicketJson>(create, { path: "/tickets", token: cslToken, body: call() });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ channel: "api", takenBy: null, requester: { name: csl.name } });
  });
});

describe("dashboards count tickets by channel", () => {
  test("the school's figures over the period: phone, API and portal, mail at zero", async () => {
    const today = parisDay(new Date());
    const period: Period = { kind: "custom", from: today, to: today };
    const figures = await ticketFigures(database(), [choiseulId], period, periodInstants(period), new Date());
    const counts = Object.fromEntries(figures.byChannel.map((row) => [row.channel, row.count]));
    const filed = await database().select({ channel: tickets.channel }).from(tickets).where(eq(tickets.establishmentId, choiseulId));
    const expected = (channel: string) => filed.filter((row) => row.channel === channel).length;
    expect(counts).toEqual({ portal: expected("portal"), mail: 0, phone: expected("phone"), api: expected("api") });
    expect(counts.phone).toBeGreaterThanOrEqual(3);
    expect(counts.api).toBe(2);
    const otherSchool = await ticketFigures(database(), [], period, periodInstants(period), new Date());
    expect(otherSchool.byChannel.every((row) => row.count === 0)).toBe(true);
  });
});
