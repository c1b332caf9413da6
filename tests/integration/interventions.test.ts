import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as escalations } from "@/app/api/v1/tickets/[reference]/escalations/route";
import { GET as listInterventions, POST as postIntervention } from "@/app/api/v1/tickets/[reference]/interventions/route";
import { GET as csvRoute } from "@/app/(app)/tableaux-de-bord/csv/[table]/route";
import { GET as establishmentRoute } from "@/app/api/v1/dashboards/establishments/[uai]/route";
import { GET as zoneRoute } from "@/app/api/v1/dashboards/zones/[code]/route";
import { database } from "@/db/client";
import { interventionSums } from "@/db/queries/interventions";
import { auditEvents, configurationItems, establishments, interventionCis, interventions, ticketEvents, tickets, users } from "@/db/schema";
import type { TimeFigures } from "@/lib/domain/dashboard";
import { drillDownQuery } from "@/lib/schemas/dashboards";
import { ciPage } from "@/lib/services/cmdb/read-ci";
import { readDrillDown } from "@/lib/services/dashboards/drill-down";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { fileSwitchIncident } from "../support/switch-incident";

type Ref = { reference: string };
type InterventionBody = {
  id: string;
  mode: string;
  startedAt: string;
  minutes: number;
  travelMinutes: number;
  summary: string;
  details?: string;
  author: { name: string };
  vendor: string | null;
  cis: { id: string; name: string }[];
};
type ListBody = { items: InterventionBody[]; total: { minutes: number; travelMinutes: number; count: number; onSite: number } };

let choiseul: string, palissy: string, techOuest: string, techEst: string, scc: string;
let choiseulCi: { id: string; name: string }, palissyCi: { id: string; name: string };

async function ciOf(uai: string) {
  const [ci] = await database()
    .select({ id: configurationItems.id, name: configurationItems.name })
    .from(configurationItems)
    .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
    .where(eq(establishments.uai, uai))
    .limit(1);
  return ci!;
}

// Files tickets for Choiseul and sums them: a database of its own, so the other files' counts stay theirs.
let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useOwnDatabase("interventions");
  [choiseul, palissy, techOuest, techEst, scc] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("csl.palissy@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
  [choiseulCi, palissyCi] = await Promise.all([ciOf("0370037P"), ciOf("0450029M")]);
});

const file = async () => (await fileSwitchIncident(choiseul)).reference;

const record = (reference: string, token: string, body: unknown) =>
  callRoute<InterventionBody & ProblemBody, Ref>(postIntervention, {
    path: `/tickets/${reference}/interventions`,
    token,
    body,
    params: { reference },
  });
const list = (reference: string, token: string) =>
  callRoute<ListBody & ProblemBody, Ref>(listInterventions, { path: `/tickets/${reference}/interventions`, token, params: { reference } });

const onSite = (overrides: Record<string, unknown> = {}) => ({
  mode: "on_site",
  startedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  minutes: 45,
  travelMinutes: 30,
  summary: "Switch de la B204 redémarré, ports vérifiés",
  details: "Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch",
  ...overrides,
});

/** What a refused intervention must leave untouched: the interventions, the journal, the audit trail. */
async function snapshot(reference: string) {
  const db = database();
  const [ticket] = await db.select({ id: tickets.id, updatedAt: tickets.updatedAt }).from(tickets).where(eq(tickets.reference, reference));
  const count = async (query: Promise<{ count: number }[]>) => (await query)[0]!.count;
  return {
    updatedAt: ticket!.updatedAt,
    interventions: await count(
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(interventions)
        .where(eq(interventions.ticketId, ticket!.id)),
    ),
    events: await count(
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(ticketEvents)
        .where(eq(ticketEvents.ticketId, ticket!.id)),
    ),
    audit: await count(
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.action, "intervention.recorded")),
    ),
  };
}

afterAll(() => drop());

describe("a technician records an intervention", () => {
  test("201 with the intervention; its equipment, journal entry and audit row written with it", async () => {
    const reference = await file();
    const response = await record(reference, techOuest, onSite({ ciIds: [choiseulCi.id] }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      mode: "on_site",
      minutes: 45,
      travelMinutes: 30,
      summary: "Switch de la B204 redémarré, ports vérifiés",
      details: "Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch",
      author: { name: "Thomas Leroy (Technicien Ouest)" },
      vendor: null,
      cis: [choiseulCi],
    });
    const db = database();
    const [row] = await db.select().from(interventions).where(eq(interventions.id, response.body.id));
    expect(row).toMatchObject({ vendorId: null, minutes: 45, travelMinutes: 30 });
    expect(
      await db.select({ ciId: interventionCis.ciId }).from(interventionCis).where(eq(interventionCis.interventionId, response.body.id)),
    ).toEqual([{ ciId: choiseulCi.id }]);
    const journal = await db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, row!.ticketId), eq(ticketEvents.kind, "comment")));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      visibility: "internal",
      body: "Switch de la B204 redémarré, ports vérifiés",
      data: { intervention: { id: response.body.id, mode: "on_site", minutes: 45 } },
    });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, response.body.id));
    expect(audit).toMatchObject({
      action: "intervention.recorded",
      objectType: "intervention",
      after: { reference, minutes: 45, ciIds: [choiseulCi.id] },
    });
    // The equipment's page lists it in its history, for the desk and for the school.
    for (const email of ["tech.ouest@guichet.test", "csl.choiseul@guichet.test"]) {
      const page = await ciPage(await callerFor(email), choiseulCi.id, new Date());
      expect(page!.interventions).toContainEqual(
        expect.objectContaining({ id: response.body.id, reference, summary: "Switch de la B204 redémarré, ports vérifiés" }),
      );
    }
  });

  test("the desk reads the details and the time spent; the school the summaries and the time only", async () => {
    const reference = await file();
    expect((await record(reference, techOuest, onSite())).status).toBe(201);
    expect(
      (
        await record(reference, techOuest, {
          mode: "remote",
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          minutes: 20,
          summary: "Configuration vérifiée à distance",
        })
      ).status,
    ).toBe(201);

    const desk = await list(reference, techOuest);
    expect(desk.status).toBe(200);
    expect(desk.body.total).toEqual({ minutes: 65, travelMinutes: 30, count: 2, onSite: 1 });
    expect(desk.body.items.map((item) => item.details)).toEqual([
      "Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch",
      undefined,
    ]);

    const school = await list(reference, choiseul);
    expect(school.status).toBe(200);
    expect(school.body.total).toEqual(desk.body.total);
    expect(school.body.items.map((item) => item.summary)).toEqual([
      "Switch de la B204 redémarré, ports vérifiés",
      "Configuration vérifiée à distance",
    ]);
    expect(school.body.items.every((item) => !("details" in item))).toBe(true);
    // The journal entry is internal: the school does not read it either.
    expect(JSON.stringify(school.body)).not.toContain("Port 12");
  });
});

describe("refusals write nothing", () => {
  test("the requester may not record: 403", async () => {
    const reference = await file();
    const before = await snapshot(reference);
    const response = await record(reference, choiseul, onSite());
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await snapshot(reference)).toEqual(before);
  });

  test("another school's requester and a technician of another zone do not see the ticket: 404", async () => {
    const reference = await file();
    expect((await record(reference, techOuest, onSite())).status).toBe(201);
    const before = await snapshot(reference);
    expect((await record(reference, techEst, onSite())).status).toBe(404);
    expect((await list(reference, techEst)).status).toBe(404);
    expect((await list(reference, palissy)).status).toBe(404);
    expect(await snapshot(reference)).toEqual(before);
  });

  test.each([
    ["no duration", { minutes: undefined }, "minutes", 400],
    ["a duration of 0", { minutes: 0 }, "minutes", 400],
    ["more than a day", { minutes: 1441 }, "minutes", 400],
    ["a negative travel time", { travelMinutes: -1 }, "travelMinutes", 400],
    ["a travel time over a day", { travelMinutes: 1441 }, "travelMinutes", 400],
    ["an empty summary", { summary: "  " }, "summary", 400],
    ["an unknown mode", { mode: "phone" }, "mode", 400],
    ["a start without offset", { startedAt: "2026-12-01T09:00:00" }, "startedAt", 400],
    ["a start tomorrow", { startedAt: new Date(Date.now() + 86_400_000).toISOString() }, "startedAt", 400],
    ["equipment of another school", { ciIds: ["<palissy>"] }, "ciIds", 422],
  ] as const)("%s: refused, nothing written", async (_label, overrides, field, status) => {
    const reference = await file();
    const before = await snapshot(reference);
    const body = onSite(
      Object.fromEntries(Object.entries(overrides).map(([key, value]) => [key, key === "ciIds" ? [palissyCi.id] : value])),
    );
    const response = await record(reference, techOuest, body);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body.errors?.map((error) => error.field)).toContain(field);
    expect(await snapshot(reference)).toEqual(before);
  });
});

describe("a vendor's intervention", () => {
  async function escalatedToScc() {
    const reference = await file();
    const escalated = await callRoute<ProblemBody, Ref>(escalations, {
      path: `/tickets/${reference}/escalations`,
      token: techOuest,
      params: { reference },
      body: { target: "vendor", teamCode: "PREST-SCC", vendorReference: "SCC-7", reason: "Remplacement du switch sous garantie" },
    });
    expect(escalated.status).toBe(201);
    return reference;
  }

  test("recorded by the vendor's agent on a ticket escalated to it, as the vendor's", async () => {
    const reference = await escalatedToScc();
    expect((await record(reference, techOuest, onSite())).status).toBe(201);
    const response = await record(
      reference,
      scc,
      onSite({ summary: "Switch remplacé sous garantie", details: "Ancien switch repris, RMA 4411", ciIds: [choiseulCi.id] }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ vendor: "SCC", author: { name: "Service après-vente SCC" }, cis: [choiseulCi] });
    const [row] = await database()
      .select({ vendorId: interventions.vendorId })
      .from(interventions)
      .where(eq(interventions.id, response.body.id));
    expect(row!.vendorId).not.toBeNull();

    // The vendor reads its own details, not the technician's.
    const seen = await list(reference, scc);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((item) => item.details)).toEqual([undefined, "Ancien switch repris, RMA 4411"]);
    expect(seen.body.total).toMatchObject({ minutes: 90, count: 2 });
  });

  test("a vendor on a ticket not escalated to it does not see it: 404, nothing written", async () => {
    const reference = await file();
    const before = await snapshot(reference);
    expect((await record(reference, scc, onSite())).status).toBe(404);
    expect((await list(reference, scc)).status).toBe(404);
    expect(await snapshot(reference)).toEqual(before);
  });
});

/**
 * Time in the dashboards, on a set computed by hand (March–April 2026, no other test records there):
 * - T1 (Choiseul): Thomas Leroy on site Tue 10 Mar 10:00 Paris, 60 min + 20 travel; remote Fri 20 Mar, 15 min;
 * - T2 (Choiseul): Thomas Leroy on site Thu 2 Apr, 90 min + 30 travel; Luc Girard remote 31 Mar 22:30 UTC,
 *   i.e. Wed 1 Apr 00:30 Paris (April in Paris though March in UTC), 30 min.
 * → total 195 min + 50 travel, 4 interventions, 2 on site; March 75 + 20 (2, 1 on site), April 120 + 30 (2, 1);
 *   Thomas Leroy 165 + 50 (3, 2), Luc Girard 30 + 0 (1, 0).
 */
describe("time spent in the dashboards", () => {
  const FROM = "2026-03-01";
  const TO = "2026-04-30";
  let t1: string, t2: string, chefOuest: string;

  beforeAll(async () => {
    chefOuest = await tokenFor("chef.ouest@guichet.test");
    [t1, t2] = [await file(), await file()];
    const at = (startedAt: string, mode: string, minutes: number, travelMinutes: number) => ({
      mode,
      startedAt,
      minutes,
      travelMinutes,
      summary: "Intervention de test",
    });
    for (const [reference, token, body] of [
      [t1, techOuest, at("2026-03-10T09:00:00Z", "on_site", 60, 20)],
      [t1, techOuest, at("2026-03-20T14:00:00Z", "remote", 15, 0)],
      [t2, techOuest, at("2026-04-02T08:00:00Z", "on_site", 90, 30)],
      [t2, chefOuest, at("2026-03-31T22:30:00Z", "remote", 30, 0)],
    ] as const)
      expect((await record(reference, token, body)).status).toBe(201);
  });

  const dashboard = (email: string, path: string, handler: typeof establishmentRoute, params: Record<string, string>) =>
    tokenFor(email).then((token) =>
      callRoute<{ time: TimeFigures } & ProblemBody, never>(handler as never, {
        path: `${path}?from=${FROM}&to=${TO}`,
        token,
        params: params as never,
      }),
    );

  test("a school's dashboard sums per month (Paris) and per technician; its head reads it", async () => {
    const answer = await dashboard("proviseur.choiseul@guichet.test", "/dashboards/establishments/0370037P", establishmentRoute, {
      uai: "0370037P",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.time.total).toEqual({ minutes: 195, travelMinutes: 50, count: 4, onSite: 2 });
    expect(answer.body.time.byMonth).toEqual([
      { month: "2026-03", minutes: 75, travelMinutes: 20, count: 2, onSite: 1 },
      { month: "2026-04", minutes: 120, travelMinutes: 30, count: 2, onSite: 1 },
    ]);
    expect(answer.body.time.byTechnician.map(({ id: _id, ...row }) => row)).toEqual([
      { name: "Thomas Leroy (Technicien Ouest)", minutes: 165, travelMinutes: 50, count: 3, onSite: 2 },
      { name: "Luc Girard (Chef de secteur Ouest)", minutes: 30, travelMinutes: 0, count: 1, onSite: 0 },
    ]);
    expect(answer.body.time.bySchool).toEqual([
      { uai: "0370037P", name: expect.any(String), minutes: 195, travelMinutes: 50, count: 4, onSite: 2 },
    ]);
    // Another school's head does not read it.
    expect(
      (await dashboard("csl.palissy@guichet.test", "/dashboards/establishments/0370037P", establishmentRoute, { uai: "0370037P" })).status,
    ).toBe(403);
  });

  test("the zone's dashboard has the school's on-site visits", async () => {
    const answer = await dashboard("chef.ouest@guichet.test", "/dashboards/zones/OUEST", zoneRoute as never, { code: "OUEST" });
    expect(answer.status).toBe(200);
    expect(answer.body.time.bySchool.find((row) => row.uai === "0370037P")).toMatchObject({ minutes: 195, count: 4, onSite: 2 });
  });

  test("the tickets behind a figure: by month in Paris time, by technician, on site", async () => {
    const head = await callerFor("proviseur.choiseul@guichet.test");
    const listed = async (query: Record<string, string>) => {
      const page = await readDrillDown(head, drillDownQuery.parse({ establishment: "0370037P", ...query }));
      if (!page.ok) throw new Error(JSON.stringify(page.failure));
      return page.value.items.map((item) => item.reference).sort();
    };
    expect(await listed({ intervened: "2026-03-01..2026-03-31" })).toEqual([t1]);
    expect(await listed({ intervened: "2026-04-01..2026-04-30" })).toEqual([t2]);
    const [girard] = await database().select({ id: users.id }).from(users).where(eq(users.email, "chef.ouest@guichet.test"));
    expect(await listed({ intervened: `${FROM}..${TO}`, technician: girard!.id })).toEqual([t2]);
    expect(await listed({ intervened: `${FROM}..${TO}`, onSite: "true" })).toEqual([t1, t2].sort());
  });

  test("the weekly report's sums: per school and ISO week, Paris time", async () => {
    const [choiseulId] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
    const weeks = await interventionSums(
      database(),
      { establishmentIds: [choiseulId!.id], from: new Date("2026-03-01T00:00:00+01:00"), to: new Date("2026-05-01T00:00:00+02:00") },
      "establishment_week",
    );
    expect(weeks.map(({ week, minutes, travelMinutes, count, onSite }) => ({ week, minutes, travelMinutes, count, onSite }))).toEqual([
      { week: "2026-W11", minutes: 60, travelMinutes: 20, count: 1, onSite: 1 },
      { week: "2026-W12", minutes: 15, travelMinutes: 0, count: 1, onSite: 0 },
      { week: "2026-W14", minutes: 120, travelMinutes: 30, count: 2, onSite: 1 },
    ]);
    expect(weeks.every((row) => row.establishmentId === choiseulId!.id)).toBe(true);
  });

  test("the time tables export as CSV, as on screen", async () => {
    const answer = await csvRoute(
      new Request(`http://localhost:3000/tableaux-de-bord/csv/time-months?establishment=0370037P&from=${FROM}&to=${TO}`, {
        headers: { authorization: `Bearer ${await tokenFor("proviseur.choiseul@guichet.test")}` },
      }),
      { params: Promise.resolve({ table: "time-months" }) },
    );
    expect(answer.status).toBe(200);
    expect(
      (await answer.text())
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n"),
    ).toEqual(["Mois;Interventions;Visites sur site;Intervention (min);Déplacement (min)", "2026-03;2;1;75;20", "2026-04;2;1;120;30"]);
  });
});
