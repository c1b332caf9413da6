import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as csvRoute } from "@/app/(app)/tableaux-de-bord/csv/[table]/route";
import { GET as establishmentRoute } from "@/app/api/v1/dashboards/establishments/[uai]/route";
import { GET as zoneRoute } from "@/app/api/v1/dashboards/zones/[code]/route";
import { database } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import {
  configurationItems,
  establishments,
  teamMembers,
  teams,
  ticketRatings,
  tickets,
  userEstablishments,
  users,
  zones,
} from "@/db/schema";
import { hashPassword } from "@/lib/services/accounts/password-hash";
import { lifecycleOf } from "@/lib/domain/ci-lifecycle";
import type { Caller } from "@/lib/domain/caller";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readDrillDown } from "@/lib/services/dashboards/drill-down";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { refreshSla } from "@/lib/services/sla/refresh-sla";
import { dashboardPageQuery, drillDownQuery } from "@/lib/schemas/dashboards";
import { pagePeriod } from "@/lib/services/dashboards/dashboard-scope";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor, ok } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

/**
 * Dashboards on a fixture whose answers are known by hand: a zone of its own (ZTEST) with two schools
 * no other test touches, tickets filed and worked through the real services at chosen instants (so the
 * SLA refresh measures business time itself), ratings and equipment.
 *
 * School A (0990001N), period 2026-11-02 … 2026-11-15, calendar Mon–Fri 07:30–17:30 Paris:
 * - T1 P2 filed Mon 2 Nov 09:00, taken 09:30 (30 min), resolved 11:00 → 2 business hours (120 min), met; rated 5 with a comment;
 * - T2 P2 filed Tue 3 Nov 09:00, taken 10:00 (60 min), resolved 13:00 → 4 h (240 min), met; rated 4;
 * - T3 P1 filed Fri 6 Nov 14:00, taken 15:00 (60 min, P1 target 30: missed), resolved Mon 9 Nov 13:00 →
 *   3 h 30 on Friday + 5 h 30 on Monday = 9 h (540 min) across the weekend, P1 target 4 h: missed;
 * - T4 P2 filed Mon 16 Nov (after the period), still new: open now, breached once refreshed today.
 * → TTR median 240 (4 h), 90th percentile 240 + 0.8 × 300 = 480; TTO median 60, p90 60;
 *   TTO compliance 2/3, TTR compliance 2/3; satisfaction 4.5 on 2 ratings.
 * School B (0990002P): T5 P2 filed Wed 4 Nov 09:00, resolved 10:00 → 60 min.
 * → zone TTR over 60, 120, 240, 540: median 180, p90 240 + 0.7 × 300 = 450.
 */

const A = "0990001N";
const B = "0990002P";
const FROM = "2026-11-02";
const TO = "2026-11-15";
const paris = (local: string) => new Date(`${local}+01:00`);

let admin: Caller, headA: Caller, technician: Caller;
const refs: Record<string, string> = {};
let oldPcId = "";

async function file(caller: Caller, uai: string, at: Date, urgency: { impact: "school" | "group"; ciIds?: string[] }) {
  const created = await ok(
    createTicket(
      caller,
      {
        type: "incident",
        serviceCode: "POSTE",
        categoryCode: "POSTE-PANNE",
        establishmentUai: uai,
        title: "Le poste ne démarre plus",
        description: "Écran noir.",
        impact: urgency.impact,
        urgency: "high",
        fields: {},
        ciIds: urgency.ciIds ?? [],
      },
      [],
      at,
    ),
  );
  return created.reference;
}

/** The zone's on-site team takes the ticket at `takenAt` (the time to own stops) and resolves it at `resolvedAt`. */
async function work(reference: string, takenAt: Date, resolvedAt: Date) {
  await ok(updateTicket(admin, reference, { team: "PROX-ZTEST" }, takenAt));
  await ok(updateTicket(technician, reference, { assignee: "me" }, takenAt));
  await ok(updateTicket(technician, reference, { status: "resolved", message: "Réparé." }, resolvedAt));
}

let dropOwnDatabase: (() => Promise<void>) | undefined;
afterAll(async () => dropOwnDatabase?.());

beforeAll(async () => {
  // Its fixtures (schools, accounts, tickets filed for other schools) must not reach the other files.
  dropOwnDatabase = await useOwnDatabase("dash");
  const db = database();
  const [zone] = await db.insert(zones).values({ code: "ZTEST", name: "Zone de test" }).returning({ id: zones.id });
  const [schoolA, schoolB] = await db
    .insert(establishments)
    .values([
      { uai: A, type: "LGT", name: "Lycée Alpha", city: "Tours", departement: "37", zoneId: zone!.id },
      { uai: B, type: "LP", name: "Lycée Bêta", city: "Blois", departement: "41", zoneId: zone!.id },
    ])
    .returning({ id: establishments.id });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = await db
    .insert(users)
    .values([
      { email: "head.alpha@guichet.test", name: "Proviseure Alpha", role: "manager", passwordHash },
      { email: "head.beta@guichet.test", name: "Proviseur Bêta", role: "manager", passwordHash },
      { email: "csl.alpha@guichet.test", name: "CSL Alpha", role: "requester", passwordHash },
      { email: "lead.ztest@guichet.test", name: "Chef ZTEST", role: "sector_lead", passwordHash, zoneId: zone!.id },
      { email: "tech.ztest@guichet.test", name: "Technicien ZTEST", role: "technician", passwordHash },
    ])
    .returning({ id: users.id, email: users.email });
  const id = (email: string) => people.find((person) => person.email === email)!.id;
  await db.insert(userEstablishments).values([
    { userId: id("head.alpha@guichet.test"), establishmentId: schoolA!.id },
    { userId: id("head.beta@guichet.test"), establishmentId: schoolB!.id },
    { userId: id("csl.alpha@guichet.test"), establishmentId: schoolA!.id },
  ]);
  const [team] = await db
    .insert(teams)
    .values({ code: "PROX-ZTEST", name: "Proximité ZTEST", party: "region", zoneId: zone!.id })
    .returning({ id: teams.id });
  await db.insert(teamMembers).values({ teamId: team!.id, userId: id("tech.ztest@guichet.test") });

  // Equipment of school A, today 2026-11-23 or later: an old PC (out of warranty, 7 years: renewal), a recent PC of another
  // model in the same room (B101 mixed), a laptop out of its 3-year warranty (4 years: not yet renewal), an obsolete printer
  // without dates (renewal, warranty unknown), and a disposed PC (left out).
  const cis = await db
    .insert(configurationItems)
    .values([
      { name: "alpha-b101-pc01", class: "pc", establishmentId: schoolA!.id, room: "B101", model: "HP 400 G4", deliveryDate: "2019-01-15" },
      { name: "alpha-b101-pc02", class: "pc", establishmentId: schoolA!.id, room: "B101", model: "Dell 7010", deliveryDate: "2024-09-01" },
      {
        name: "alpha-cdi-pt01",
        class: "laptop",
        establishmentId: schoolA!.id,
        room: "CDI",
        model: "Latitude 3540",
        deliveryDate: "2022-10-01",
      },
      { name: "alpha-imp01", class: "printer", establishmentId: schoolA!.id, room: "Salle des profs", status: "obsolete" },
      {
        name: "alpha-b101-pc00",
        class: "pc",
        establishmentId: schoolA!.id,
        room: "B101",
        model: "HP 400 G1",
        deliveryDate: "2012-09-01",
        status: "disposed",
      },
    ])
    .returning({ id: configurationItems.id, name: configurationItems.name });
  oldPcId = cis.find((ci) => ci.name === "alpha-b101-pc01")!.id;

  [admin, headA, technician] = await Promise.all([
    callerFor("admin@guichet.test"),
    callerFor("head.alpha@guichet.test"),
    callerFor("tech.ztest@guichet.test"),
  ]);
  refs.t1 = await file(headA, A, paris("2026-11-02T09:00:00"), { impact: "group", ciIds: [oldPcId] });
  await work(refs.t1, paris("2026-11-02T09:30:00"), paris("2026-11-02T11:00:00"));
  refs.t2 = await file(headA, A, paris("2026-11-03T09:00:00"), { impact: "group" });
  await work(refs.t2, paris("2026-11-03T10:00:00"), paris("2026-11-03T13:00:00"));
  refs.t3 = await file(headA, A, paris("2026-11-06T14:00:00"), { impact: "school", ciIds: [oldPcId] });
  await work(refs.t3, paris("2026-11-06T15:00:00"), paris("2026-11-09T13:00:00"));
  refs.t4 = await file(headA, A, paris("2026-11-16T09:00:00"), { impact: "group" });
  const [t4] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, refs.t4));
  await db.transaction((tx) => refreshSla(tx, t4!.id, new Date()));
  const headB = await callerFor("head.beta@guichet.test");
  refs.t5 = await file(headB, B, paris("2026-11-04T09:00:00"), { impact: "group" });
  await work(refs.t5, paris("2026-11-04T09:15:00"), paris("2026-11-04T10:00:00"));

  const ticketId = async (reference: string) =>
    (await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference)))[0]!.id;
  await db.insert(ticketRatings).values([
    { ticketId: await ticketId(refs.t1), score: 5, comment: "Très rapide, merci !", createdAt: paris("2026-11-05T10:00:00") },
    { ticketId: await ticketId(refs.t2), score: 4, createdAt: paris("2026-11-05T11:00:00") },
  ]);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function schoolDashboard(email: string, uai = A, query = `from=${FROM}&to=${TO}`) {
  return callRoute<Json, { uai: string }>(establishmentRoute, {
    path: `/dashboards/establishments/${uai}?${query}`,
    token: await tokenFor(email),
    params: { uai },
  });
}

describe("a school's dashboard, computed by hand", () => {
  let body: Json;
  beforeAll(async () => {
    const answer = await schoolDashboard("head.alpha@guichet.test");
    expect(answer.status).toBe(200);
    body = answer.body;
  });

  test("the issue's shape: period, open, sla, timeToResolve, satisfaction, equipment", () => {
    expect(body.period).toEqual({ kind: "custom", from: FROM, to: TO });
    expect(body.establishment).toMatchObject({ uai: A, name: "Lycée Alpha", zone: { code: "ZTEST" } });
  });

  test("open now: the one ticket filed after the period, new, P2, breached once refreshed", () => {
    expect(body.open).toEqual({
      total: 1,
      byStatus: { new: 1, assigned: 0, in_progress: 0, waiting_requester: 0, waiting_vendor: 0 },
      byPriority: { P1: 0, P2: 1, P3: 0, P4: 0 },
      atRisk: 0,
      breached: 1,
      waitingForSchool: { ownQueue: 0, waitingRequester: 0 },
    });
    expect(body.oldestOpen.map((line: Json) => line.reference)).toEqual([refs.t4]);
    expect(body.slaAlerts.map((line: Json) => [line.reference, line.slaState])).toEqual([[refs.t4, "breached"]]);
  });

  test("time to resolve 2 h, 4 h and 9 h across a weekend: median 4 h (240), 90th percentile 480", () => {
    expect(body.timeToResolve).toEqual({ count: 3, medianMinutes: 240, p90Minutes: 480 });
  });

  test("time to take in charge 30, 60 and 60 business minutes: median and 90th percentile 60", () => {
    expect(body.timeToOwn).toEqual({ count: 3, medianMinutes: 60, p90Minutes: 60 });
  });

  test("SLA compliance: the P1 missed both its 30 min to own and its 4 h to resolve", () => {
    expect(body.sla).toEqual({
      ttoMet: 2,
      ttoCounted: 3,
      ttoCompliance: 0.6667,
      ttrMet: 2,
      ttrCounted: 3,
      ttrCompliance: 0.6667,
      breachedOpen: 1,
      atRiskOpen: 0,
    });
  });

  test("flows: 3 incidents opened the week of 2 November, resolved 2 then 1; by service", () => {
    expect(body.opened).toEqual({ total: 3, incidents: 3, requests: 0 });
    expect(body.resolved).toEqual({ total: 3, incidents: 3, requests: 0 });
    expect(body.weeks).toEqual([
      { week: "2026-11-02", openedIncidents: 3, openedRequests: 0, resolvedIncidents: 2, resolvedRequests: 0 },
      { week: "2026-11-09", openedIncidents: 0, openedRequests: 0, resolvedIncidents: 1, resolvedRequests: 0 },
    ]);
    expect(body.byService).toEqual([
      { code: "POSTE", name: expect.any(String), openedIncidents: 3, openedRequests: 0, resolved: 3, deflected: 0 },
    ]);
    expect(body.resolvedBy.reduce((sum: number, row: Json) => sum + row.count, 0)).toBe(3);
    expect(body.resolvedBy.reduce((sum: number, row: Json) => sum + (row.share ?? 0), 0)).toBeCloseTo(1, 3);
  });

  test("satisfaction: 5 and 4 → 4.5 on 2 ratings, the comment listed", () => {
    expect(body.satisfaction).toEqual({
      average: 4.5,
      count: 2,
      comments: [{ reference: refs.t1, score: 5, comment: "Très rapide, merci !", ratedAt: paris("2026-11-05T10:00:00").toISOString() }],
    });
  });

  test("equipment: 4 in service, 2 of 3 known warranties past, 2 renewal candidates, room B101 mixed, the old PC most named", () => {
    expect(body.equipment).toMatchObject({
      total: 4,
      byClass: { pc: 2, laptop: 1, printer: 1 },
      byStatus: { production: 3, obsolete: 1 },
      outOfWarranty: { count: 2, known: 3, share: 0.6667 },
      outOfWarrantyShare: 0.6667,
      renewalCandidates: 2,
      mixedRooms: [{ building: null, room: "B101", models: 2, total: 2 }],
      mostIncidents: [{ id: oldPcId, name: "alpha-b101-pc01", class: "pc", room: "B101", establishmentUai: A, incidents: 2 }],
    });
    const bands = Object.fromEntries(
      body.equipment.ageBands.filter((band: Json) => band.count > 0).map((band: Json) => [band.years, band.count]),
    );
    expect(bands).toEqual({ 2: 1, 4: 1, 7: 1, unknown: 1 });
  });

  test("the SQL applies lib/domain/ci-lifecycle.ts's rules: same warranty and renewal counts as lifecycleOf, item by item", async () => {
    const rows = await database()
      .select()
      .from(configurationItems)
      .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
      .where(eq(establishments.uai, A));
    const today = new Date(body.computedAt).toISOString().slice(0, 10);
    const lives = rows
      .map((row) => row.configuration_items)
      .filter((ci) => ci.status !== "disposed")
      .map((ci) => lifecycleOf(ci, today));
    expect(lives.filter((life) => life.underWarranty === false).length).toBe(body.equipment.outOfWarranty.count);
    expect(lives.filter((life) => life.underWarranty !== null).length).toBe(body.equipment.outOfWarranty.known);
    expect(lives.filter((life) => life.renewalCandidate).length).toBe(body.equipment.renewalCandidates);
  });

  test("an empty period has no figure rather than zeros that look like results", async () => {
    const answer = await schoolDashboard("head.alpha@guichet.test", A, "from=2026-10-05&to=2026-10-11");
    expect(answer.status).toBe(200);
    expect(answer.body.timeToResolve).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(answer.body.sla.ttrCompliance).toBeNull();
    expect(answer.body.satisfaction).toEqual({ average: null, count: 0, comments: [] });
    expect(answer.body.weeks).toEqual([
      { week: "2026-10-05", openedIncidents: 0, openedRequests: 0, resolvedIncidents: 0, resolvedRequests: 0 },
    ]);
  });
});

describe("the pages' period, from their query string", () => {
  const now = paris("2026-11-23T10:00:00");
  test.each([
    [
      { period: "school-year", from: "2026-08-26", to: "2026-11-23" },
      { kind: "school-year", from: "2026-09-01", to: "2026-11-23" },
    ],
    [
      { period: "30d", from: "2026-08-26", to: "2026-11-23" },
      { kind: "30d", from: "2026-10-25", to: "2026-11-23" },
    ],
    [
      { period: "custom", from: "2026-11-02", to: "2026-11-15" },
      { kind: "custom", from: "2026-11-02", to: "2026-11-15" },
    ],
    [
      { from: "2026-11-02", to: "2026-11-15" },
      { kind: "custom", from: "2026-11-02", to: "2026-11-15" },
    ],
    [{}, { kind: "90d", from: "2026-08-26", to: "2026-11-23" }],
  ])("%j → %j", (query, period) => {
    expect(pagePeriod(dashboardPageQuery.parse(query), now)).toEqual({ ok: true, value: period });
  });
});

describe("who reads a school's dashboard", () => {
  test.each([
    ["head.alpha@guichet.test", 200],
    ["lead.ztest@guichet.test", 200],
    ["admin@guichet.test", 200],
    ["chef.service@guichet.test", 200],
    ["csl.alpha@guichet.test", 403],
    ["tech.ouest@guichet.test", 403],
    ["head.beta@guichet.test", 404],
    ["chef.ouest@guichet.test", 404],
  ])("%s → %i", async (email, status) => {
    const answer = await schoolDashboard(email);
    expect(answer.status).toBe(status);
    if (status !== 200) expect((answer.body as unknown as ProblemBody).status).toBe(status);
  });

  test("an unknown school is 404 for a reader, 403 for a requester; a bad period 400", async () => {
    expect((await schoolDashboard("admin@guichet.test", "0990003R")).status).toBe(404);
    expect((await schoolDashboard("csl.alpha@guichet.test", "0990003R")).status).toBe(403);
    const bad = await schoolDashboard("admin@guichet.test", A, "from=2026-11-15&to=2026-11-02");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("a zone's dashboard", () => {
  const zone = async (email: string, code = "ZTEST") =>
    callRoute<Json, { code: string }>(zoneRoute, {
      path: `/dashboards/zones/${code}?from=${FROM}&to=${TO}`,
      token: await tokenFor(email),
      params: { code },
    });

  test("the zone's figures: both schools, percentiles over the four resolutions", async () => {
    const answer = await zone("lead.ztest@guichet.test");
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.zone).toEqual({ code: "ZTEST", name: "Zone de test" });
    expect(body.timeToResolve).toEqual({ count: 4, medianMinutes: 180, p90Minutes: 450 });
    expect(body.open.total).toBe(1);
    expect(body.sla).toMatchObject({ ttrMet: 3, ttrCounted: 4, ttrCompliance: 0.75, breachedOpen: 1 });
    expect(body.satisfaction).toEqual({ average: 4.5, count: 2 });
    expect(body.equipment).toMatchObject({ total: 4, renewalCandidates: 2, outOfWarrantyShare: 0.6667 });
    expect(body.establishments.map((row: Json) => [row.key, row.backlog, row.opened, row.resolved, row.ttrCompliance]).sort()).toEqual([
      [A, 1, 3, 3, 0.6667],
      [B, 0, 1, 1, 1],
    ]);
    expect(body.zones).toEqual([expect.objectContaining({ key: "ZTEST", backlog: 1, opened: 4, resolved: 4 })]);
    const teamTotals = body.teams.reduce((sum: number, row: Json) => sum + row.resolved, 0);
    expect(teamTotals).toBe(4);
  });

  test.each([
    ["admin@guichet.test", "ZTEST", 200],
    ["chef.ouest@guichet.test", "ZTEST", 404],
    ["chef.ouest@guichet.test", "OUEST", 200],
    ["head.alpha@guichet.test", "ZTEST", 403],
    ["csl.alpha@guichet.test", "ZTEST", 403],
    ["admin@guichet.test", "NOWHERE", 404],
  ])("%s on %s → %i", async (email, code, status) => {
    expect((await zone(email, code)).status).toBe(status);
  });
});

describe("the lists behind the figures and the CSV exports", () => {
  test("open now: the new ticket; resolved in the period: the three, newest first", async () => {
    const open = await ok(readDrillDown(headA, drillDownQuery.parse({ establishment: A, open: "true" })));
    expect(open.items.map((line) => line.reference)).toEqual([refs.t4]);
    const resolved = await ok(readDrillDown(headA, drillDownQuery.parse({ establishment: A, resolved: `${FROM}..${TO}` })));
    expect(resolved.items.map((line) => line.reference)).toEqual([refs.t3, refs.t2, refs.t1]);
    const p1 = await ok(readDrillDown(headA, drillDownQuery.parse({ establishment: A, opened: `${FROM}..${TO}`, priority: "P1" })));
    expect(p1.items.map((line) => line.reference)).toEqual([refs.t3]);
  });

  test("without a school or zone: every zone the reader leads (a sector lead's is theirs); none for a school's head", async () => {
    const lead = await callerFor("lead.ztest@guichet.test");
    const open = await ok(readDrillDown(lead, drillDownQuery.parse({ open: "true" })));
    expect(open.scope).toEqual({ kind: "all" });
    expect(open.items.map((line) => line.reference)).toEqual([refs.t4]);
    expect(await readDrillDown(headA, drillDownQuery.parse({ open: "true" }))).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: "forbidden" }),
    });
  });

  test("another school's head cannot list this school's tickets", async () => {
    const headB = await callerFor("head.beta@guichet.test");
    const refused = await readDrillDown(headB, drillDownQuery.parse({ establishment: A, open: "true" }));
    expect(refused).toEqual({ ok: false, failure: { kind: "not_found" } });
  });

  const csv = async (email: string, table: string, query: string) => {
    const answer = await csvRoute(
      new Request(`http://localhost:3000/tableaux-de-bord/csv/${table}?${query}`, {
        headers: { authorization: `Bearer ${await tokenFor(email)}` },
      }),
      {
        params: Promise.resolve({ table }),
      },
    );
    return { status: answer.status, type: answer.headers.get("content-type"), text: await answer.text() };
  };

  test("a table as CSV: the weeks, as on screen, UTF-8 with BOM and semicolons", async () => {
    const answer = await csv("head.alpha@guichet.test", "weeks", `establishment=${A}&from=${FROM}&to=${TO}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("text/csv; charset=utf-8");
    expect(
      answer.text
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "Semaine du;Incidents ouverts;Demandes ouvertes;Incidents résolus;Demandes résolues",
      "02/11/2026;3;0;2;0",
      "09/11/2026;0;0;1;0",
    ]);
  });

  test("the regional tables and the list behind a figure export too; a requester gets 403", async () => {
    const schools = await csv("lead.ztest@guichet.test", "establishments", `zone=ZTEST&from=${FROM}&to=${TO}`);
    expect(schools.status).toBe(200);
    expect(schools.text).toContain("Lycée Alpha;1;1;3;3;66.67;66.67;4.5;2\r\nLycée Bêta;0;0;1;1;100;100;;0");
    const list = await csv("head.alpha@guichet.test", "tickets", `establishment=${A}&resolved=${FROM}..${TO}`);
    expect(list.text.trim().split("\r\n")).toHaveLength(4);
    expect(list.text).toContain(refs.t3);
    expect((await csv("csl.alpha@guichet.test", "weeks", `establishment=${A}`)).status).toBe(403);
  });
});
