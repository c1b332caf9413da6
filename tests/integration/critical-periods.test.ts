import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as listPeriods, POST as createPeriod } from "@/app/api/v1/critical-periods/route";
import { database } from "@/db/client";
import { ticketDetail } from "@/db/queries/ticket-detail";
import { auditEvents, criticalPeriods, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { Impact, TicketType, Urgency } from "@/lib/domain/vocabulary";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

type Period = {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  priorityFloor: string;
  allEstablishments: boolean;
  establishments: string[];
} & ProblemBody;

let drop: () => Promise<void>;
let admin: string, serviceLead: string, sectorLead: string, head: string, technician: string;
let choiseulCsl: Caller, palissyCsl: Caller;

const BAC = { name: "Baccalauréat 2027", kind: "baccalaureat", startsOn: "2027-06-14", endsOn: "2027-06-25" };
const BTS = {
  name: "BTS 2027",
  kind: "bts",
  startsOn: "2027-05-10",
  endsOn: "2027-05-20",
  priorityFloor: "P2",
  establishments: ["0450029m"],
};

const post = (token: string, body: unknown) => callRoute<Period>(createPeriod, { path: "/critical-periods", token, body });
const periodCount = async () => (await database().select({ id: criticalPeriods.id }).from(criticalPeriods)).length;
const auditCount = async () =>
  (await database().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, "critical_period.created"))).length;

beforeAll(async () => {
  drop = await useOwnDatabase("critical");
  [admin, serviceLead, sectorLead, head, technician] = (await Promise.all(
    [
      "admin@guichet.test",
      "chef.service@guichet.test",
      "chef.ouest@guichet.test",
      "proviseur.choiseul@guichet.test",
      "tech.ouest@guichet.test",
    ].map(tokenFor),
  )) as [string, string, string, string, string];
  [choiseulCsl, palissyCsl] = await Promise.all([callerFor("csl.choiseul@guichet.test"), callerFor("csl.palissy@guichet.test")]);
});
afterAll(() => drop());

describe("POST|GET /critical-periods", () => {
  test("an admin declares the bac for every school, P2 by default; audited", async () => {
    const created = await post(admin, BAC);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...BAC, priorityFloor: "P2", allEstablishments: true, establishments: [] });
    expect(await auditCount()).toBe(1);
  });

  test("the service lead declares the BTS for one school (its UAI normalised)", async () => {
    const created = await post(serviceLead, BTS);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "BTS 2027", allEstablishments: false, establishments: ["0450029M"] });
    expect(await auditCount()).toBe(2);
  });

  test.each([
    ["a sector lead", () => sectorLead],
    ["a school's head", () => head],
    ["a technician", () => technician],
  ])("%s may not declare one (403) nor list them (403); nothing written", async (_label, token) => {
    const before = await periodCount();
    const refused = await post(token(), { ...BAC, name: "Brevet" });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("Seuls les administrateurs et le chef de service déclarent les périodes critiques.");
    expect((await callRoute(listPeriods, { path: "/critical-periods", token: token() })).status).toBe(403);
    expect([await periodCount(), await auditCount()]).toEqual([before, 2]);
  });

  test.each([
    ["an end before the start", { ...BAC, startsOn: "2027-06-25", endsOn: "2027-06-14" }, "endsOn", "Le dernier jour précède le premier."],
    ["a date that does not exist", { ...BAC, endsOn: "2027-02-30" }, "endsOn", "Date attendue au format AAAA-MM-JJ."],
    ["a French date", { ...BAC, startsOn: "14/06/2027" }, "startsOn", "Date attendue au format AAAA-MM-JJ."],
    ["an unknown kind", { ...BAC, kind: "partiels" }, "kind", "Type inconnu : baccalauréat, BTS, brevet ou autre."],
    ["an unknown school", { ...BAC, establishments: ["0371234R"] }, "establishments", "Aucun établissement ne porte l'UAI 0371234R."],
  ])("%s is refused (400) and nothing written", async (_label, body, field, message) => {
    const before = await periodCount();
    const refused = await post(admin, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual({ field, message });
    expect([await periodCount(), await auditCount()]).toEqual([before, 2]);
  });

  test("GET lists them, the latest first", async () => {
    const listed = await callRoute<{ items: Period[] }>(listPeriods, { path: "/critical-periods", token: serviceLead });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((period) => period.name)).toEqual(["Baccalauréat 2027", "BTS 2027"]);
  });
});

describe("filing during a critical period", () => {
  async function file(caller: Caller, uai: string, at: string, options: { type?: TicketType; impact?: Impact; urgency?: Urgency } = {}) {
    const request = options.type === "request";
    const created = await createTicket(
      caller,
      {
        type: request ? "request" : "incident",
        serviceCode: "POSTE",
        categoryCode: request ? "POSTE-IMAC" : "POSTE-PANNE",
        establishmentUai: uai,
        title: "Poste de la salle d'examen",
        description: "Il ne démarre plus.",
        impact: options.impact ?? "individual",
        urgency: options.urgency ?? "medium",
        fields: request ? { action: "installation", to_room: "B12" } : {},
        ciIds: [],
      },
      [],
      new Date(at),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    const [ticket] = await database()
      .select({ id: tickets.id, priority: tickets.priority, criticalPeriodId: tickets.criticalPeriodId })
      .from(tickets)
      .where(eq(tickets.reference, created.value.reference));
    const detail = await ticketDetail(database(), created.value.reference);
    return { priority: ticket!.priority, period: detail!.ticket.criticalPeriod?.name ?? null };
  }

  test.each([
    ["a P3 incident during the bac becomes P2", () => choiseulCsl, "0370037P", "2027-06-15T08:00:00Z", {}, "P2", "Baccalauréat 2027"],
    ["on its first day, Paris time (00:30)", () => choiseulCsl, "0370037P", "2027-06-13T22:30:00Z", {}, "P2", "Baccalauréat 2027"],
    ["a request keeps P3", () => choiseulCsl, "0370037P", "2027-06-15T08:00:00Z", { type: "request" as const }, "P3", null],
    [
      "a P1 incident stays P1",
      () => choiseulCsl,
      "0370037P",
      "2027-06-15T08:00:00Z",
      { impact: "school" as const, urgency: "high" as const },
      "P1",
      null,
    ],
    ["the day after the end, P3 stays", () => choiseulCsl, "0370037P", "2027-06-26T08:00:00Z", {}, "P3", null],
    ["during the BTS, a school outside its list keeps P3", () => choiseulCsl, "0370037P", "2027-05-12T08:00:00Z", {}, "P3", null],
    ["during the BTS, the listed school gets P2", () => palissyCsl, "0450029M", "2027-05-12T08:00:00Z", {}, "P2", "BTS 2027"],
  ])("%s", async (_label, caller, uai, at, options, priority, period) => {
    expect(await file(caller(), uai, at, options)).toEqual({ priority, period });
  });
});
