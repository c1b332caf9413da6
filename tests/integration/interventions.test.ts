import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as escalations } from "@/app/api/v1/tickets/[reference]/escalations/route";
import { GET as listInterventions, POST as postIntervention } from "@/app/api/v1/tickets/[reference]/interventions/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import { auditEvents, configurationItems, establishments, interventionCis, interventions, ticketEvents, tickets } from "@/db/schema";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";

type Ref = { reference: string };
type InterventionBody = {
  id: string; mode: string; startedAt: string; minutes: number; travelMinutes: number; summary: string; details?: string;
  author: { name: string }; vendor: string | null; cis: { id: string; name: string }[];
};
type ListBody = { items: InterventionBody[]; total: { minutes: number; travelMinutes: number; count: number; onSite: number } };

let choiseul: string, palissy: string, techOuest: string, techEst: string, scc: string;
let choiseulCi: { id: string; name: string }, palissyCi: { id: string; name: string };

async function ciOf(uai: string) {
  const [ci] = await database().select({ id: configurationItems.id, name: configurationItems.name }).from(configurationItems)
    .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId)).where(eq(establishments.uai, uai)).limit(1);
  return ci!;
}

beforeAll(async () => {
  [choiseul, palissy, techOuest, techEst, scc] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"), tokenFor("csl.palissy@guichet.test"), tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"), tokenFor("sav.scc@guichet.test"),
  ]);
  [choiseulCi, palissyCi] = await Promise.all([ciOf("0370037P"), ciOf("0450029M")]);
});

async function file(): Promise<string> {
  const response = await callRoute<TicketJson>(create, {
    path: "/tickets", token: choiseul,
    body: {
      type: "incident", serviceCode: "RESEAU", categoryCode: "RES-PANNE", establishmentUai: "0370037P", title: "Switch de la salle B204 en panne",
      description: "Plus aucune connexion en B204.", impact: "individual", urgency: "low", fields: { rooms: "B204" },
    },
  });
  expect(response.status).toBe(201);
  return response.body.reference;
}

const record = (reference: string, token: string, body: unknown) =>
  callRoute<InterventionBody & ProblemBody, Ref>(postIntervention, { path: `/tickets/${reference}/interventions`, token, body, params: { reference } });
const list = (reference: string, token: string) =>
  callRoute<ListBody & ProblemBody, Ref>(listInterventions, { path: `/tickets/${reference}/interventions`, token, params: { reference } });

const onSite = (overrides: Record<string, unknown> = {}) => ({
  mode: "on_site", startedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), minutes: 45, travelMinutes: 30,
  summary: "Switch de la B204 redémarré, ports vérifiés", details: "Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch", ...overrides,
});

/** What a refused intervention must leave untouched: the interventions, the journal, the audit trail. */
async function snapshot(reference: string) {
  const db = database();
  const [ticket] = await db.select({ id: tickets.id, updatedAt: tickets.updatedAt }).from(tickets).where(eq(tickets.reference, reference));
  const count = async (query: Promise<{ count: number }[]>) => (await query)[0]!.count;
  return {
    updatedAt: ticket!.updatedAt,
    interventions: await count(db.select({ count: sql<number>`count(*)::int` }).from(interventions).where(eq(interventions.ticketId, ticket!.id))),
    events: await count(db.select({ count: sql<number>`count(*)::int` }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticket!.id))),
    audit: await count(db.select({ count: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, "intervention.recorded"))),
  };
}

describe("a technician records an intervention", () => {
  test("201 with the intervention; its equipment, journal entry and audit row written with it", async () => {
    const reference = await file();
    const response = await record(reference, techOuest, onSite({ ciIds: [choiseulCi.id] }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      mode: "on_site", minutes: 45, travelMinutes: 30, summary: "Switch de la B204 redémarré, ports vérifiés",
      details: "Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch",
      author: { name: "Thomas Leroy (Technicien Ouest)" }, vendor: null, cis: [choiseulCi],
    });
    const db = database();
    const [row] = await db.select().from(interventions).where(eq(interventions.id, response.body.id));
    expect(row).toMatchObject({ vendorId: null, minutes: 45, travelMinutes: 30 });
    expect(await db.select({ ciId: interventionCis.ciId }).from(interventionCis).where(eq(interventionCis.interventionId, response.body.id))).toEqual([{ ciId: choiseulCi.id }]);
    const journal = await db.select().from(ticketEvents).where(and(eq(ticketEvents.ticketId, row!.ticketId), eq(ticketEvents.kind, "comment")));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ visibility: "internal", body: "Switch de la B204 redémarré, ports vérifiés", data: { intervention: { id: response.body.id, mode: "on_site", minutes: 45 } } });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.objectId, response.body.id));
    expect(audit).toMatchObject({ action: "intervention.recorded", objectType: "intervention", after: { reference, minutes: 45, ciIds: [choiseulCi.id] } });
  });

  test("the desk reads the details and the time spent; the school the summaries and the time only", async () => {
    const reference = await file();
    expect((await record(reference, techOuest, onSite())).status).toBe(201);
    expect((await record(reference, techOuest, { mode: "remote", startedAt: new Date(Date.now() - 3_600_000).toISOString(), minutes: 20, summary: "Configuration vérifiée à distance" })).status).toBe(201);

    const desk = await list(reference, techOuest);
    expect(desk.status).toBe(200);
    expect(desk.body.total).toEqual({ minutes: 65, travelMinutes: 30, count: 2, onSite: 1 });
    expect(desk.body.items.map((item) => item.details)).toEqual(["Port 12 défectueux, câble remplacé ; prévoir le remplacement du switch", undefined]);

    const school = await list(reference, choiseul);
    expect(school.status).toBe(200);
    expect(school.body.total).toEqual(desk.body.total);
    expect(school.body.items.map((item) => item.summary)).toEqual(["Switch de la B204 redémarré, ports vérifiés", "Configuration vérifiée à distance"]);
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
    const body = onSite(Object.fromEntries(Object.entries(overrides).map(([key, value]) => [key, key === "ciIds" ? [palissyCi.id] : value])));
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
      path: `/tickets/${reference}/escalations`, token: techOuest, params: { reference },
      body: { target: "vendor", teamCode: "PREST-SCC", vendorReference: "SCC-7", reason: "Remplacement du switch sous garantie" },
    });
    expect(escalated.status).toBe(201);
    return reference;
  }

  test("recorded by the vendor's agent on a ticket escalated to it, as the vendor's", async () => {
    const reference = await escalatedToScc();
    expect((await record(reference, techOuest, onSite())).status).toBe(201);
    const response = await record(reference, scc, onSite({ summary: "Switch remplacé sous garantie", details: "Ancien switch repris, RMA 4411", ciIds: [choiseulCi.id] }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ vendor: "SCC", author: { name: "Service après-vente SCC" }, cis: [choiseulCi] });
    const [row] = await database().select({ vendorId: interventions.vendorId }).from(interventions).where(eq(interventions.id, response.body.id));
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
