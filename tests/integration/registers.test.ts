import { randomUUID } from "node:crypto";
import { Queue, type Job } from "bullmq";
import { and, eq, gte, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getDelegations } from "@/app/api/v1/establishments/[uai]/registers/delegations/route";
import { GET as getFiltering } from "@/app/api/v1/establishments/[uai]/registers/filtering/route";
import { database } from "@/db/client";
import {
  auditEvents,
  categories,
  delegations,
  establishments,
  filteringExceptions,
  outboxEmails,
  roomSupportModes,
  teams,
  ticketEvents,
  tickets,
} from "@/db/schema";
import { translatorFor } from "@/i18n/text";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { JOBS } from "@/lib/queue/jobs";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { createAccount } from "@/lib/services/accounts/create-account";
import { removeStaffFromSchool } from "@/lib/services/accounts/remove-staff";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { readAllRegisters, readSchoolRegisters } from "@/lib/services/registers/read-registers";
import { recordRegisterEntry } from "@/lib/services/registers/record-from-approval";
import { registersCsv } from "@/lib/services/registers/registers-csv";
import { runRegisterDeadlines } from "@/lib/services/registers/register-deadlines";
import { renewFilteringException } from "@/lib/services/registers/renew-filtering";
import { reviewDelegation } from "@/lib/services/registers/review-delegation";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { runRegisterDeadlines as runRegisterDeadlinesJob } from "@/workers/processors/run-register-deadlines";
import { startWorkers } from "@/workers/start";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

let drop: () => Promise<void>;
let csl: Caller, head: Caller, palissyCsl: Caller, secu: Caller, tech: Caller, admin: Caller, chefOuest: Caller;
let choiseulId: string;

/**
 * The answers a category asks for today: those given, and a text for any other text field it requires (whatever
 * fields the catalogue adds or drops, e.g. a signatory's name), so the test files what the category accepts.
 */
async function answers(categoryCode: string, given: Record<string, string | number>): Promise<Record<string, string | number>> {
  const [category] = await database().select({ fields: categories.fields }).from(categories).where(eq(categories.code, categoryCode));
  const extra = category!.fields
    .filter((field) => !(field.name in given) && field.kind === "text" && field.required !== false)
    .map((field) => [field.name, "Mme Roux"]);
  return { ...Object.fromEntries(extra), ...given };
}

const SERVICES = { "SEC-FILTRAGE": "SECURITE", "SRV-DELEGATION": "SERVEUR", "POSTE-PANNE": "POSTE" } as const;

/** Files a request as Choiseul's CSL at `filedAt`, then records its approval by the head at `approvedAt`. */
async function fileAndApprove(
  categoryCode: keyof typeof SERVICES,
  given: Record<string, string | number>,
  filedAt: Date,
  approvedAt = filedAt,
) {
  const created = await createTicket(
    csl,
    {
      type: categoryCode === "POSTE-PANNE" ? "incident" : "request",
      serviceCode: SERVICES[categoryCode],
      categoryCode,
      establishmentUai: "0370037P",
      title: `Demande ${categoryCode}`,
      description: "Demande signée par le chef d'établissement.",
      impact: "school",
      urgency: "medium",
      fields: await answers(categoryCode, given),
      ciIds: [],
    },
    [],
    filedAt,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, created.value.reference));
  const recorded = await database().transaction((tx) =>
    recordRegisterEntry(tx, { ticketId: ticket!.id, approvedById: head.id, approvedAt }),
  );
  return { reference: created.value.reference, ticketId: ticket!.id, recorded };
}

const exception = async (id: string) => (await database().select().from(filteringExceptions).where(eq(filteringExceptions.id, id)))[0]!;
const delegation = async (id: string) => (await database().select().from(delegations).where(eq(delegations.id, id)))[0]!;
const mailsKeyed = (prefix: string) =>
  database()
    .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(like(outboxEmails.idempotencyKey, `${prefix}%`));

async function person(role: "requester" | "manager", functionCode: string, uais = ["0370037P"]) {
  const email = `agent.${randomUUID().slice(0, 8)}@guichet.test`;
  const created = await createAccount(
    { id: null, name: "Administratrice", role: "admin", establishmentIds: [] },
    { email, name: `Agent ${email.slice(6, 14)}`, role, function: functionCode, establishments: uais },
    new Date(),
    SYSTEM_ACTOR,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return { id: created.value.id, email };
}

beforeAll(async () => {
  drop = await useOwnDatabase("registers");
  [csl, head, palissyCsl, secu, tech, admin, chefOuest] = (await Promise.all(
    [
      "csl.choiseul@guichet.test",
      "proviseur.choiseul@guichet.test",
      "csl.palissy@guichet.test",
      "secu@guichet.test",
      "tech.ouest@guichet.test",
      "admin@guichet.test",
      "chef.ouest@guichet.test",
    ].map(callerFor),
  )) as Caller[] as [Caller, Caller, Caller, Caller, Caller, Caller, Caller];
  [{ id: choiseulId }] = (await database()
    .select({ id: establishments.id })
    .from(establishments)
    .where(eq(establishments.uai, "0370037P"))) as [{ id: string }];
});

afterAll(async () => drop());

describe("entries recorded from approved requests", () => {
  test("an approved SEC-FILTRAGE is a filtering exception from the approval's day for the days asked, once", async () => {
    const filed = await fileAndApprove(
      "SEC-FILTRAGE",
      { url: "https://www.lumni.fr", decision: "autoriser", duration_days: 30 },
      new Date("2027-03-01T08:00:00Z"),
      new Date("2027-03-01T23:30:00Z"), // 00:30 on 2 March in Paris
    );
    expect(filed.recorded?.kind).toBe("filtering");
    expect(await exception(filed.recorded!.id)).toMatchObject({
      establishmentId: choiseulId,
      url: "https://www.lumni.fr",
      decision: "allow",
      startsOn: "2027-03-02",
      endsOn: "2027-04-01",
      approvedById: head.id,
      ticketId: filed.ticketId,
      reminderSentAt: null,
      removalTicketId: null,
    });
    const again = await database().transaction((tx) =>
      recordRegisterEntry(tx, { ticketId: filed.ticketId, approvedById: head.id, approvedAt: new Date("2027-03-03T08:00:00Z") }),
    );
    expect(again).toBeNull();
  });

  test("an approved SRV-DELEGATION is a delegation naming the school's account by its address, reviewed a year on", async () => {
    const agent = await person("requester", "gestionnaire_reseau");
    const filed = await fileAndApprove(
      "SRV-DELEGATION",
      {
        person: "Luc Girard",
        person_email: agent.email.toUpperCase(),
        scope: "Salles B204, CDI",
        actions: "Installer des logiciels",
        end_date: "2028-06-30",
      },
      new Date("2027-01-10T09:00:00Z"),
    );
    expect(filed.recorded?.kind).toBe("delegation");
    expect(await delegation(filed.recorded!.id)).toMatchObject({
      delegateId: agent.id,
      delegateName: "Luc Girard",
      scope: "Salles B204, CDI",
      actions: "Installer des logiciels",
      startsOn: "2027-01-10",
      endsOn: "2028-06-30",
      reviewDueOn: "2028-01-10",
      needsReview: null,
    });
  });

  test("an address of no account of the school keeps the name only; other categories record nothing", async () => {
    const filed = await fileAndApprove(
      "SRV-DELEGATION",
      {
        person: "Prestataire X",
        person_email: "csl.palissy@guichet.test",
        scope: "Serveur Scribe",
        actions: "Sauvegardes",
        end_date: "2028-01-01",
      },
      new Date("2027-01-11T09:00:00Z"),
    );
    expect(await delegation(filed.recorded!.id)).toMatchObject({ delegateId: null, delegateName: "Prestataire X" });
    const other = await fileAndApprove("POSTE-PANNE", {}, new Date("2027-01-11T09:00:00Z"));
    expect(other.recorded).toBeNull();
  });
});

describe("a filtering exception's end", () => {
  let entryId: string;
  let reference: string;
  beforeAll(async () => {
    const filed = await fileAndApprove(
      "SEC-FILTRAGE",
      { url: "https://jeux.example.org", decision: "interdire", duration_days: 20 },
      new Date("2027-05-03T08:00:00Z"),
    );
    entryId = filed.recorded!.id;
    reference = filed.reference;
    expect(await exception(entryId)).toMatchObject({ startsOn: "2027-05-03", endsOn: "2027-05-23", decision: "deny" });
  });

  test("7 days before its end, the requester and the head are reminded once, with the register's renewal link", async () => {
    await runRegisterDeadlines(new Date("2027-05-15T04:00:00Z"));
    expect(await mailsKeyed(`register-renewal:${entryId}`)).toEqual([]);
    await runRegisterDeadlines(new Date("2027-05-16T04:00:00Z"));
    const mails = await mailsKeyed(`register-renewal:${entryId}`);
    expect(mails.map((mail) => mail.to).sort()).toEqual(["csl.choiseul@guichet.test", "proviseur.choiseul@guichet.test"]);
    expect(mails[0]!.subject).toContain("https://jeux.example.org");
    expect(mails[0]!.text).toContain("/etablissements/0370037P/registres");
    expect((await exception(entryId)).reminderSentAt).toEqual(new Date("2027-05-16T04:00:00Z"));
    await runRegisterDeadlines(new Date("2027-05-17T04:00:00Z"));
    expect(await mailsKeyed(`register-renewal:${entryId}`)).toHaveLength(2);
  });

  test("renewing files a new SEC-FILTRAGE request with the same answers, through the ordinary filing", async () => {
    const renewed = await renewFilteringException(csl, entryId, new Date("2027-05-17T08:00:00Z"));
    if (!renewed.ok) throw new Error(JSON.stringify(renewed.failure));
    const [ticket] = await database().select().from(tickets).where(eq(tickets.reference, renewed.value.reference));
    const [original] = await database().select().from(tickets).where(eq(tickets.reference, reference));
    expect(ticket).toMatchObject({
      categoryId: original!.categoryId,
      establishmentId: choiseulId,
      requesterId: csl.id,
      fields: original!.fields,
    });
    // Clicked again (or twice at once): the same request, not a second one.
    const again = await Promise.all([0, 1].map(() => renewFilteringException(csl, entryId, new Date("2027-05-17T08:01:00Z"))));
    expect(again).toEqual([renewed, renewed]);
    const filed = await database()
      .select({ reference: tickets.reference })
      .from(tickets)
      .where(and(eq(tickets.title, ticket!.title), gte(tickets.createdAt, new Date("2027-05-17T00:00:00Z"))));
    expect(filed).toEqual([{ reference: renewed.value.reference }]);
    expect(await renewFilteringException(palissyCsl, entryId, new Date())).toEqual({ ok: false, failure: { kind: "not_found" } });
  });

  test("at its end it is expired and the security team gets one removal ticket citing the request", async () => {
    const before = await runRegisterDeadlines(new Date("2027-05-22T04:00:00Z"));
    expect((await exception(entryId)).removalTicketId).toBeNull();
    expect(before.removals).toBe(0);
    await runRegisterDeadlines(new Date("2027-05-23T04:00:00Z"));
    const marked = await exception(entryId);
    expect(marked.removalTicketId).not.toBeNull();
    const [removal] = await database()
      .select({
        title: tickets.title,
        description: tickets.description,
        team: teams.code,
        requesterId: tickets.requesterId,
        status: tickets.status,
      })
      .from(tickets)
      .innerJoin(teams, eq(teams.id, tickets.assignedTeamId))
      .where(eq(tickets.id, marked.removalTicketId!));
    expect(removal).toMatchObject({ team: "EQ-E-INFRA_SECU", requesterId: csl.id, status: "new" });
    expect(removal!.title).toContain("https://jeux.example.org");
    const [created] = await database()
      .select({ body: ticketEvents.body })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, marked.removalTicketId!), eq(ticketEvents.kind, "created")));
    expect(created!.body).toContain(reference);

    await runRegisterDeadlines(new Date("2027-05-23T05:00:00Z"));
    await runRegisterDeadlines(new Date("2027-06-01T04:00:00Z"));
    expect((await exception(entryId)).removalTicketId).toBe(marked.removalTicketId);
    const removals = await database().select({ id: tickets.id }).from(tickets).where(like(tickets.title, "%jeux.example.org%"));
    expect(removals).toHaveLength(1);

    const registers = await readSchoolRegisters(csl, "0370037P", { inForce: false }, new Date("2027-05-23T10:00:00Z"));
    if (!registers.ok) throw new Error("not read");
    expect(registers.value.filtering.find((entry) => entry.id === entryId)).toMatchObject({
      state: "expired",
      ticketReference: reference,
      approvedBy: { id: head.id, name: head.name },
    });
  });
});

describe("delegations to review", () => {
  const fileDelegation = async (given: Record<string, string>, at = new Date("2027-02-01T09:00:00Z")) =>
    (
      await fileAndApprove(
        "SRV-DELEGATION",
        { person: "Luc Girard", scope: "Salle B204", actions: "Installer", end_date: "2029-01-01", ...given },
        at,
      )
    ).recorded!.id;

  test("a new head of the school, then that head disabled, mark the school's delegations for review", async () => {
    const id = await fileDelegation({});
    await database().update(delegations).set({ needsReview: null });
    const newHead = await person("manager", "chef_etablissement");
    expect((await delegation(id)).needsReview).toBe("head_changed");

    await database().update(delegations).set({ needsReview: null });
    const changed = await updateAccount(admin, newHead.id, { disabled: true }, new Date(), SYSTEM_ACTOR);
    expect(changed.ok).toBe(true);
    expect((await delegation(id)).needsReview).toBe("head_changed");
  });

  test("a CSL's function or school change that is no head change leaves them alone", async () => {
    const id = await fileDelegation({});
    await database().update(delegations).set({ needsReview: null });
    const colleague = await person("requester", "csl");
    const changed = await updateAccount(admin, colleague.id, { function: "adjoint" }, new Date(), SYSTEM_ACTOR);
    expect(changed.ok).toBe(true);
    expect((await delegation(id)).needsReview).toBeNull();
  });

  test("the delegate removed from the school by the head: their delegation is to review, not the others'", async () => {
    const agent = await person("requester", "gestionnaire_reseau");
    const theirs = await fileDelegation({ person_email: agent.email });
    const others = await fileDelegation({ person: "Autre" });
    await database().update(delegations).set({ needsReview: null });
    const removed = await removeStaffFromSchool(
      head,
      { userId: agent.id, establishmentId: choiseulId, successorId: null },
      new Date(),
      SYSTEM_ACTOR,
    );
    expect(removed.ok).toBe(true);
    expect((await delegation(theirs)).needsReview).toBe("delegate_left");
    expect((await delegation(others)).needsReview).toBeNull();
  });

  test("at the anniversary: to review, the head reminded once, the next review a year on", async () => {
    const id = await fileDelegation({ person: "Nina Anniv" }, new Date("2027-09-14T09:00:00Z"));
    await database().update(delegations).set({ needsReview: null }).where(eq(delegations.id, id));
    await runRegisterDeadlines(new Date("2028-09-13T04:00:00Z"));
    expect((await delegation(id)).needsReview).toBeNull();
    await runRegisterDeadlines(new Date("2028-09-14T04:00:00Z"));
    expect(await delegation(id)).toMatchObject({ needsReview: "anniversary", reviewDueOn: "2029-09-14" });
    const mails = await mailsKeyed(`delegation-review:${id}:`);
    expect(mails.map((mail) => mail.to)).toContain("proviseur.choiseul@guichet.test");
    expect(mails[0]!.subject).toContain("Nina Anniv");
    const count = mails.length;
    await runRegisterDeadlines(new Date("2028-09-15T04:00:00Z"));
    expect(await mailsKeyed(`delegation-review:${id}:`)).toHaveLength(count);
  });
});

describe("the head's review", () => {
  test("the head keeps a delegation to review, or ends it; a CSL may not, another school's staff do not see it", async () => {
    const agent = await person("requester", "gestionnaire_reseau");
    const id = (
      await fileAndApprove(
        "SRV-DELEGATION",
        { person: "Revue", person_email: agent.email, scope: "Salle C1", actions: "Installer", end_date: "2099-01-01" },
        new Date(),
      )
    ).recorded!.id;
    await database().update(delegations).set({ needsReview: "anniversary" }).where(eq(delegations.id, id));
    const review = (who: Caller, outcome: "keep" | "end") =>
      reviewDelegation(who, { delegationId: id, outcome, uai: "0370037P" }, new Date(), SYSTEM_ACTOR);

    expect(await review(csl, "keep")).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await review(palissyCsl, "keep")).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect((await review(head, "keep")).ok).toBe(true);
    expect(await delegation(id)).toMatchObject({ needsReview: null, endedAt: null });

    expect((await review(head, "end")).ok).toBe(true);
    expect((await delegation(id)).endedAt).not.toBeNull();
    const registers = await readSchoolRegisters(head, "0370037P", { inForce: false }, new Date());
    expect(registers.ok && registers.value.delegations.find((entry) => entry.id === id)?.state).toBe("expired");
    expect(await review(head, "keep")).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    const audits = await database().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectId, id));
    expect(audits.map((row) => row.action).sort()).toEqual(["delegation.ended", "delegation.reviewed"]);
  });
});

describe("who reads the registers", () => {
  let inForceId: string;
  let expiredId: string;
  beforeAll(async () => {
    const now = Date.now();
    inForceId = (
      await fileAndApprove(
        "SEC-FILTRAGE",
        { url: "https://en-vigueur.example.org", decision: "autoriser", duration_days: 30 },
        new Date(now),
      )
    ).recorded!.id;
    expiredId = (
      await fileAndApprove(
        "SEC-FILTRAGE",
        { url: "https://expiree.example.org", decision: "autoriser", duration_days: 5 },
        new Date(now - 40 * 86_400_000),
      )
    ).recorded!.id;
  });

  type Filtering = {
    uai: string;
    items: { id: string; state: string; approvedBy: { id: string; name: string } | null; ticket: string; startsOn: string }[];
  };
  const read = async (email: string, query = "", uai = "0370037P") =>
    callRoute<Filtering, { uai: string }>(getFiltering, {
      path: `/establishments/${uai}/registers/filtering${query}`,
      token: await tokenFor(email),
      params: { uai },
    });

  test("the school's staff and the security team read the school's; another school's staff get 404, a proximity technician 403", async () => {
    const own = await read("csl.choiseul@guichet.test");
    expect(own.status).toBe(200);
    const item = own.body.items.find((entry) => entry.id === inForceId)!;
    expect(item).toMatchObject({ state: "in_force", approvedBy: { id: head.id, name: head.name }, startsOn: parisDay(new Date()) });
    expect(item.ticket).toMatch(/^GU-/);
    expect((await read("secu@guichet.test")).status).toBe(200);
    const other = await read("csl.palissy@guichet.test");
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect((await read("tech.ouest@guichet.test")).status).toBe(403);
    expect((await read("csl.choiseul@guichet.test", "", "0450029M")).status).toBe(404);
  });

  test("?inForce=true keeps what is in force; another value is 400", async () => {
    const all = await read("proviseur.choiseul@guichet.test");
    expect(all.body.items.map((entry) => entry.id)).toEqual(expect.arrayContaining([inForceId, expiredId]));
    const inForce = await read("proviseur.choiseul@guichet.test", "?inForce=true");
    expect(inForce.body.items.map((entry) => entry.id)).toContain(inForceId);
    expect(inForce.body.items.map((entry) => entry.id)).not.toContain(expiredId);
    expect(inForce.body.items.every((entry) => entry.state === "in_force")).toBe(true);
    const wrong = await callRoute<ProblemBody, { uai: string }>(getFiltering, {
      path: "/establishments/0370037P/registers/filtering?inForce=oui",
      token: await tokenFor("csl.choiseul@guichet.test"),
      params: { uai: "0370037P" },
    });
    expect(wrong.status).toBe(400);
  });

  test("delegations come with needsReview", async () => {
    const response = await callRoute<{ items: { needsReview: string | null; delegate: { name: string } }[] }, { uai: string }>(
      getDelegations,
      {
        path: "/establishments/0370037P/registers/delegations",
        token: await tokenFor("csl.choiseul@guichet.test"),
        params: { uai: "0370037P" },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.items.some((entry) => entry.needsReview === "delegate_left")).toBe(true);
  });

  test("the Région's view: all schools for the security team, the zone for a sector lead, nothing for school staff", async () => {
    const all = await readAllRegisters(secu, { inForce: false }, new Date());
    expect(all?.filtering.map((entry) => entry.id)).toContain(inForceId);
    const ouest = await readAllRegisters(chefOuest, { inForce: false }, new Date());
    expect(ouest?.filtering.map((entry) => entry.id)).toContain(inForceId);
    const otherZone = await readAllRegisters({ ...chefOuest, zoneId: randomUUID() }, { inForce: false }, new Date());
    expect(otherZone).toEqual({ filtering: [], delegations: [], gaps: [] });
    expect(await readAllRegisters(csl, { inForce: false }, new Date())).toBeNull();
    expect(await readAllRegisters(tech, { inForce: false }, new Date())).toBeNull();
  });

  test("a school or room in ouvert mode without a delegation in force is flagged", async () => {
    await database().insert(roomSupportModes).values({ establishmentId: choiseulId, room: "Labo langues", supportMode: "ouvert" });
    const registers = await readSchoolRegisters(csl, "0370037P", { inForce: false }, new Date());
    if (!registers.ok) throw new Error("not read");
    // Choiseul's delegations in force name B204 and the CDI, not the language lab.
    expect(registers.value.gaps).toEqual([{ school: expect.objectContaining({ uai: "0370037P" }), whole: false, rooms: ["Labo langues"] }]);
  });

  test("the CSV export neutralises formula-like texts", async () => {
    await fileAndApprove(
      "SRV-DELEGATION",
      { person: '=HYPERLINK("http://evil")', scope: "@SUM(A1)", actions: "+1", end_date: "2099-01-01" },
      new Date(),
    );
    const csv = await registersCsv(secu, "delegations", { uai: "0370037P", inForce: true }, translatorFor("fr"), new Date(), SYSTEM_ACTOR);
    if (!csv.ok) throw new Error("no csv");
    expect(csv.value.text.split("\r\n")[0]).toContain("Personne");
    expect(csv.value.text).toContain("'=HYPERLINK");
    expect(csv.value.text).toContain("'@SUM(A1)");
    expect(csv.value.text).not.toMatch(/;=HYPERLINK/);
    expect((await registersCsv(csl, "filtering", { inForce: false }, translatorFor("fr"), new Date(), SYSTEM_ACTOR)).ok).toBe(false);
  });
});

describe("the daily job", () => {
  test("the processor runs the deadlines at the payload's time (outside production), doing nothing twice", async () => {
    const filed = await fileAndApprove(
      "SEC-FILTRAGE",
      { url: "https://job.example.org", decision: "autoriser", duration_days: 10 },
      new Date("2031-01-05T08:00:00Z"),
    );
    const at = (iso: string) => ({ data: { at: iso } }) as Job;
    expect(await runRegisterDeadlinesJob(at("2031-01-08T05:00:00Z"))).toMatchObject({ reminders: 1 });
    expect(await runRegisterDeadlinesJob(at("2031-01-08T05:00:00Z"))).toMatchObject({ reminders: 0 });
    expect(await runRegisterDeadlinesJob(at("2031-01-15T05:00:00Z"))).toMatchObject({ removals: 1 });
    expect(await runRegisterDeadlinesJob(at("2031-01-15T05:00:00Z"))).toMatchObject({ removals: 0 });
    expect((await exception(filed.recorded!.id)).removalTicketId).not.toBeNull();
  });

  test("the worker holds it on a calendar: every day at 06:00 Paris", async () => {
    const stop = await startWorkers();
    const queue = new Queue("maintenance", { connection: queueConnection(), prefix: queuePrefix() });
    try {
      const scheduler = (await queue.getJobSchedulers()).find((candidate) => candidate.key === "runRegisterDeadlines");
      expect(scheduler).toMatchObject({ pattern: "0 6 * * *", tz: "Europe/Paris" });
    } finally {
      await stop();
      // The run's Redis prefix is shared with the other files (worker.test.ts counts on its own start creating the
      // schedulers): the ones this start created go with it.
      for (const name of new Set(Object.values(JOBS).map((job) => job.queue))) {
        const owner = new Queue(name, { connection: queueConnection(), prefix: queuePrefix() });
        for (const scheduler of await owner.getJobSchedulers()) await owner.removeJobScheduler(scheduler.key);
        await owner.close();
      }
      await queue.close();
    }
  });
});
