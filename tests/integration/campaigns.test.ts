import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getCampaign } from "@/app/api/v1/campaigns/[year]/route";
import { PUT as allocate } from "@/app/api/v1/campaigns/[year]/establishments/[uai]/allocation/route";
import { GET as getRequest, PUT as putRequest } from "@/app/api/v1/campaigns/[year]/establishments/[uai]/request/route";
import { POST as submit } from "@/app/api/v1/campaigns/[year]/establishments/[uai]/request/submit/route";
import { GET as listCampaigns, POST as createCampaign } from "@/app/api/v1/campaigns/route";
import { database } from "@/db/client";
import { auditEvents, campaigns, configurationItems, establishments, outboxEmails, ticketEvents, tickets, users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { addDays } from "@/lib/domain/dashboard-period";
import { createDeliveryFromAllocation } from "@/lib/services/deliveries/delivery-from-allocation";
import { askAdvice, readQuestionnaire } from "@/lib/services/campaigns/questionnaire";
import { mailCampaignNotices } from "@/lib/services/campaigns/campaign-mail";
import { allocationCsv, campaignAnalysis } from "@/lib/services/campaigns/allocation";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { translatorFor } from "@/i18n/text";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

type Line = {
  id: string;
  room: string | null;
  code: string;
  quantity: number;
  kind: string;
  justification: string;
  priority: number;
  granted: number | null;
  reason: string | null;
};
type RequestBody = ProblemBody & {
  campaignYear: number;
  establishment: { uai: string; name: string; zone: string };
  status: string;
  pupils: number | null;
  lines: Line[];
  allocatedAt: string | null;
  inventory: {
    renewalCandidates: Array<{ room: string | null; class: string; count: number }>;
    mixedRooms: Array<{ building: string | null; room: string; classes: string[] }>;
    counts: Array<{ class: string; count: number }>;
    history: Array<{ year: number; code: string; label: string; granted: number }>;
  };
};
type CampaignBody = ProblemBody & { year: number; phase: string; envelopes: Record<string, number>; catalogue: Array<{ code: string }> };

const CHOISEUL = "0370037P";
const PALISSY = "0450029M";
const today = parisDay(new Date());
const day = (offset: number) => addDays(today, offset);

/** Phases placed around today: `at` says which one today falls in. */
function phases(at: "survey" | "analysis" | "allocation" | "past") {
  const start = { survey: -5, analysis: -15, allocation: -25, past: -100 }[at];
  return {
    survey: { from: day(start), to: day(start + 9) },
    analysis: { from: day(start + 10), to: day(start + 19) },
    allocation: { from: day(start + 20), to: day(start + 29) },
    delivery: { from: day(start + 30), to: day(start + 39) },
  };
}

const CATALOGUE = [
  { code: "PC-MULTI", label: "PC multimédia", class: "pc", model: "Dell OptiPlex 7020", unitCost: 800 },
  { code: "VP-STD", label: "Vidéoprojecteur standard", class: "video_projector", model: "Epson EB-W51", unitCost: 150 },
];
const campaign = (year: number, at: Parameters<typeof phases>[0]) => ({
  year,
  phases: phases(at),
  catalogue: CATALOGUE,
  envelopes: { OUEST: 10_000, EST: 5_000 },
  pupilsPerWorkstation: 4,
  criteria: ["Historique des dotations", "Effectifs"],
});

let drop: () => Promise<void>;
let admin: string, serviceLead: string, sectorLead: string, head: string, csl: string, palissyCsl: string, technician: string;
let cslCaller: Caller;

const requestPath = (year: number, uai: string) => `/campaigns/${year}/establishments/${uai}/request`;
const read = (token: string, year: number, uai = CHOISEUL) =>
  callRoute<RequestBody, { year: string; uai: string }>(getRequest, {
    path: requestPath(year, uai),
    token,
    params: { year: String(year), uai },
  });
const save = (token: string, year: number, body: unknown, uai = CHOISEUL) =>
  callRoute<RequestBody, { year: string; uai: string }>(putRequest, {
    path: requestPath(year, uai),
    token,
    method: "PUT",
    body,
    params: { year: String(year), uai },
  });
const submitAs = (token: string, year: number, uai = CHOISEUL) =>
  callRoute<RequestBody, { year: string; uai: string }>(submit, {
    path: `${requestPath(year, uai)}/submit`,
    token,
    method: "POST",
    params: { year: String(year), uai },
  });
const allocateAs = (token: string, year: number, body: unknown, uai = CHOISEUL) =>
  callRoute<RequestBody, { year: string; uai: string }>(allocate, {
    path: `/campaigns/${year}/establishments/${uai}/allocation`,
    token,
    method: "PUT",
    body,
    params: { year: String(year), uai },
  });

async function schoolId(uai: string) {
  const [row] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
  return row!.id;
}

/** A hand-built inventory in its own building, so the seeded items of the school do not blur what is checked. */
async function buildInventory() {
  const establishmentId = await schoolId(CHOISEUL);
  const item = (name: string, values: Partial<typeof configurationItems.$inferInsert>) => ({
    name,
    class: "pc" as const,
    establishmentId,
    building: "Bâtiment Z",
    funding: "region" as const,
    ...values,
  });
  await database()
    .insert(configurationItems)
    .values([
      item("Z101-01", { room: "Z101", status: "obsolete", model: "OptiPlex 3010", deliveryDate: day(-365) }),
      item("Z101-02", { room: "Z101", model: "OptiPlex 3020", deliveryDate: addDays(today, -8 * 366) }),
      item("Z101-03", { room: "Z101", model: "OptiPlex 3020", deliveryDate: addDays(today, -2 * 366) }),
      item("Z102-01", { room: "Z102", class: "laptop", model: "Latitude 5400", deliveryDate: addDays(today, -7 * 366) }),
      item("Z102-02", { room: "Z102", class: "laptop", model: "Latitude 5400", deliveryDate: addDays(today, -4 * 366) }),
      item("Z102-03", { room: "Z102", status: "disposed", model: "OptiPlex 3010", deliveryDate: addDays(today, -10 * 366) }),
      item("Z103-01", { room: "Z103", model: "OptiPlex 7010", deliveryDate: addDays(today, -9 * 366), warrantyEndOverride: day(200) }),
    ]);
}

async function moveCampaign(year: number, at: Parameters<typeof phases>[0]) {
  const p = phases(at);
  await database()
    .update(campaigns)
    .set({
      surveyFrom: p.survey.from,
      surveyTo: p.survey.to,
      analysisFrom: p.analysis.from,
      analysisTo: p.analysis.to,
      allocationFrom: p.allocation.from,
      allocationTo: p.allocation.to,
      deliveryFrom: p.delivery.from,
      deliveryTo: p.delivery.to,
    })
    .where(eq(campaigns.year, year));
}

const auditCount = async (action: string) =>
  (
    await database()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.action, action as never))
  ).length;

beforeAll(async () => {
  drop = await useOwnDatabase("campaigns");
  [admin, serviceLead, sectorLead, head, csl, palissyCsl, technician] = (await Promise.all(
    [
      "admin@guichet.test",
      "chef.service@guichet.test",
      "chef.ouest@guichet.test",
      "proviseur.choiseul@guichet.test",
      "csl.choiseul@guichet.test",
      "csl.palissy@guichet.test",
      "tech.ouest@guichet.test",
    ].map(tokenFor),
  )) as [string, string, string, string, string, string, string];
  cslCaller = await callerFor("csl.choiseul@guichet.test");
  await buildInventory();
});
afterAll(() => drop());

describe("POST|GET /campaigns", () => {
  test("the service lead opens a campaign: 201 with its phase, catalogue and envelopes by zone; audited", async () => {
    const created = await callRoute<CampaignBody>(createCampaign, {
      path: "/campaigns",
      token: serviceLead,
      body: campaign(2031, "survey"),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      year: 2031,
      phase: "survey",
      phases: phases("survey"),
      envelopes: { OUEST: 10_000, EST: 5_000 },
      pupilsPerWorkstation: 4,
      criteria: ["Historique des dotations", "Effectifs"],
    });
    expect(created.body.catalogue.map((item) => item.code)).toEqual(["PC-MULTI", "VP-STD"]);
    expect(await auditCount("campaign.created")).toBe(1);
    const past = await callRoute<CampaignBody>(createCampaign, { path: "/campaigns", token: admin, body: campaign(2030, "past") });
    expect([past.status, past.body.phase]).toEqual([201, "closed"]);
  });

  test("a second campaign for the year is 409", async () => {
    const again = await callRoute(createCampaign, { path: "/campaigns", token: admin, body: campaign(2031, "survey") });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("Une campagne existe déjà pour 2031.");
  });

  test.each([
    [
      "phases out of order",
      { ...campaign(2032, "survey"), phases: { ...phases("survey"), analysis: { from: day(-5), to: day(8) } } },
      { field: "phases.analysis.from", message: "Cette phase doit commencer après la fin de la précédente." },
    ],
    [
      "an unknown zone",
      { ...campaign(2032, "survey"), envelopes: { NULLEPART: 10 } },
      { field: "envelopes.NULLEPART", message: "Aucune zone ne porte le code NULLEPART." },
    ],
    [
      "a repeated code",
      { ...campaign(2032, "survey"), catalogue: [CATALOGUE[0], CATALOGUE[0]] },
      { field: "catalogue.1.code", message: "Le code PC-MULTI figure deux fois au catalogue." },
    ],
  ])("%s is 422, nothing written", async (_label, body, error) => {
    const refused = await callRoute(createCampaign, { path: "/campaigns", token: admin, body });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(error);
    expect((await callRoute(getCampaign, { path: "/campaigns/2032", token: admin, params: { year: "2032" } })).status).toBe(404);
  });

  test("a malformed body is 400 with the field named", async () => {
    const refused = await callRoute(createCampaign, {
      path: "/campaigns",
      token: admin,
      body: { ...campaign(2032, "survey"), year: "deux mille" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.field)).toContain("year");
  });

  test.each([
    ["a sector lead", () => sectorLead],
    ["a school's head", () => head],
    ["a technician", () => technician],
  ])("%s may not open one (403)", async (_label, token) => {
    const refused = await callRoute(createCampaign, { path: "/campaigns", token: token(), body: campaign(2033, "survey") });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("Seuls le chef de service et les administrateurs ouvrent une campagne de dotation.");
  });

  test("school staff read the list and a year; an unknown year is 404", async () => {
    const listed = await callRoute<{ items: CampaignBody[] }>(listCampaigns, { path: "/campaigns", token: csl });
    expect(listed.body.items.map((item) => item.year)).toEqual([2031, 2030]);
    const one = await callRoute<CampaignBody, { year: string }>(getCampaign, {
      path: "/campaigns/2031",
      token: head,
      params: { year: "2031" },
    });
    expect([one.status, one.body.phase]).toEqual([200, "survey"]);
    expect((await callRoute(getCampaign, { path: "/campaigns/1999", token: head, params: { year: "1999" } })).status).toBe(404);
  });
});

describe("the questionnaire", () => {
  test("is pre-filled from the inventory: renewal candidates per room, mixed rooms, counts per class", async () => {
    const view = await read(csl, 2031);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      campaignYear: 2031,
      status: "not_started",
      lines: [],
      establishment: { uai: CHOISEUL, zone: "Zone Ouest" },
    });
    const ours = view.body.inventory.renewalCandidates.filter((row) => row.room?.startsWith("Z1"));
    // Z101: the obsolete PC and the one out of warranty for 8 years; Z102: the 7-year-old laptop (the 4-year-old one is
    // out of warranty but young, the disposed PC gone); Z103: under an extended warranty.
    expect(ours).toEqual([
      { room: "Z101", class: "pc", count: 2 },
      { room: "Z102", class: "laptop", count: 1 },
    ]);
    expect(view.body.inventory.mixedRooms.filter((room) => room.building === "Bâtiment Z")).toEqual([
      { building: "Bâtiment Z", room: "Z101", classes: ["pc"] },
    ]);
    expect(view.body.inventory.counts.find((row) => row.class === "laptop")?.count).toBeGreaterThanOrEqual(2);
  });

  test("the school's staff save a draft (lines replaced); an unknown code is 422", async () => {
    const lines = [
      { room: "Z101", code: "PC-MULTI", quantity: 14, kind: "renewal", justification: "Postes obsolètes", priority: 1 },
      { room: "Z101", code: "vp-std", quantity: 4, kind: "extension", justification: "Salles de langues sans projecteur", priority: 2 },
    ];
    const saved = await save(csl, 2031, { pupils: 1200, lines });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: "draft", pupils: 1200 });
    expect(saved.body.lines.map((line) => [line.room, line.code, line.quantity, line.granted])).toEqual([
      ["Z101", "PC-MULTI", 14, null],
      ["Z101", "VP-STD", 4, null],
    ]);
    const replaced = await save(head, 2031, { pupils: 1200, lines: [lines[0], { ...lines[1], room: null }] });
    expect(replaced.body.lines.map((line) => line.room)).toEqual(["Z101", null]);
    const unknown = await save(csl, 2031, { pupils: 1200, lines: [{ ...lines[0], code: "TABLETTE" }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toContainEqual({
      field: "lines.0.code",
      message: "Le matériel TABLETTE ne figure pas au catalogue de la campagne.",
    });
    expect((await read(csl, 2031)).body.lines).toHaveLength(2);
  });

  test.each([
    ["the sector lead", () => sectorLead, 403],
    ["a technician", () => technician, 403],
    ["another school's CSL", () => palissyCsl, 404],
  ])("%s may neither save nor submit it (%s)", async (_label, token, status) => {
    expect((await save(token(), 2031, { lines: [] })).status).toBe(status);
    const refused = await submitAs(token(), 2031);
    expect(refused.status).toBe(status);
    if (status === 403) expect(refused.body.detail).toBe("Seul le personnel de l'établissement remplit et soumet son questionnaire.");
    expect((await read(csl, 2031)).body.status).toBe("draft");
  });

  test("another school's staff do not see it (404); the Région's staff read it", async () => {
    expect((await read(palissyCsl, 2031)).status).toBe(404);
    expect((await read(technician, 2031)).status).toBe(200);
  });

  test("outside the survey it can be neither saved nor submitted (409)", async () => {
    const refused = await submitAs(head, 2030);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      "L'enquête de la campagne 2030 n'est pas ouverte : le questionnaire ne peut être ni modifié ni soumis.",
    );
    expect((await save(csl, 2030, { lines: [] })).status).toBe(409);
    expect((await read(csl, 2030)).body.status).toBe("not_started");
  });

  test("the CSL's submission waits for the head (mailed), is locked, and the head's submit approves it", async () => {
    const submitted = await submitAs(csl, 2031);
    expect([submitted.status, submitted.body.status]).toEqual([200, "submitted"]);
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject })
      .from(outboxEmails)
      .where(like(outboxEmails.idempotencyKey, "campaign:2031:approval:%"));
    expect(mails).toEqual([
      { to: "proviseur.choiseul@guichet.test", subject: "Campagne de dotation 2031 : questionnaire de Lycée Choiseul à approuver" },
    ]);
    expect((await save(csl, 2031, { lines: [] })).status).toBe(409);
    const again = await submitAs(csl, 2031);
    expect([again.status, again.body.detail]).toEqual([409, "Le questionnaire attend déjà l'approbation du chef d'établissement."]);
    const approved = await submitAs(head, 2031);
    expect([approved.status, approved.body.status]).toEqual([200, "approved"]);
    expect((await submitAs(head, 2031)).status).toBe(409);
    expect([await auditCount("campaign.request_submitted"), await auditCount("campaign.request_approved")]).toEqual([1, 1]);
  });

  test("an empty questionnaire cannot be submitted (422)", async () => {
    await moveCampaign(2030, "survey");
    await moveCampaign(2031, "analysis");
    const empty = await submitAs(head, 2030);
    expect([empty.status, empty.body.detail]).toEqual([
      422,
      "Le questionnaire ne contient aucune ligne : ajoutez au moins un besoin avant de le soumettre.",
    ]);
    await moveCampaign(2030, "past");
  });
});

describe("the referent's advice", () => {
  test("asking it files an EQUIP-DOTATION ticket linked to the questionnaire, whose public answer shows there; once", async () => {
    await moveCampaign(2030, "survey");
    const asked = await askAdvice(cslCaller, 2030, CHOISEUL, "Pouvez-vous inventorier la salle Z101 ?", new Date(), {
      userId: cslCaller.id,
      label: cslCaller.email,
      ip: null,
      requestId: null,
    });
    expect(asked).toMatchObject({ ok: true });
    const reference = asked.ok ? asked.value.reference : "";
    const [ticket] = await database()
      .select({ id: tickets.id, title: tickets.title })
      .from(tickets)
      .where(eq(tickets.reference, reference));
    expect(ticket!.title).toBe("Campagne de dotation 2030 : inventaire et conseil");
    const [tech] = await database().select({ id: users.id }).from(users).where(eq(users.email, "tech.ouest@guichet.test"));
    await database()
      .insert(ticketEvents)
      .values({ ticketId: ticket!.id, kind: "comment", visibility: "public", authorId: tech!.id, body: "Z101 : 2 postes à remplacer." });
    const view = await readQuestionnaire(cslCaller, 2030, CHOISEUL, new Date());
    expect(view.ok && view.value.advice).toMatchObject({ reference, answers: [{ body: "Z101 : 2 postes à remplacer." }] });
    const twice = await askAdvice(cslCaller, 2030, CHOISEUL, "Encore ?", new Date(), {
      userId: cslCaller.id,
      label: null,
      ip: null,
      requestId: null,
    });
    expect(twice.ok).toBe(false);
    await moveCampaign(2030, "past");
  });
});

describe("the allocation", () => {
  const decisions = async (pcs: number, reason: string | null) => {
    const lines = (await read(sectorLead, 2031)).body.lines;
    return {
      lines: [
        { id: lines[0]!.id, granted: pcs, reason },
        { id: lines[1]!.id, granted: 4 },
      ],
    };
  };

  test("beyond the zone's envelope it is refused (422) and nothing is granted", async () => {
    // 14 PCs at 800 € and 4 projectors at 150 €: 11 800 € against the 10 000 € of the Ouest zone.
    const refused = await allocateAs(sectorLead, 2031, await decisions(14, null));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      // Amounts in French, grouped by a narrow no-break space.
      "Dotation refusée : elle porterait le total engagé pour Zone Ouest à 11\u202f800 €, au-delà de son enveloppe de 10\u202f000 € (dépassement de 1\u202f800 €).",
    );
    expect((await read(sectorLead, 2031)).body.allocatedAt).toBeNull();
  });

  test("a cut without a reason is 422 on that line", async () => {
    const refused = await allocateAs(sectorLead, 2031, await decisions(8, null));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual({ field: "lines.0.reason", message: "Indiquez le motif de la réduction." });
  });

  test.each([
    ["the school's head", () => head, 403],
    ["a technician", () => technician, 403],
    ["another school's CSL", () => palissyCsl, 404],
  ])("%s may not allocate (%s)", async (_label, token, status) => {
    expect((await allocateAs(token(), 2031, await decisions(8, "Salle en partie rénovée"))).status).toBe(status);
  });

  test("another zone's sector lead may not (403)", async () => {
    const refused = await allocateAs(sectorLead, 2031, { lines: [] }, PALISSY);
    expect([refused.status, refused.body.detail]).toEqual([
      403,
      "Seuls le chef de secteur de la zone, le chef de service et les administrateurs décident les dotations.",
    ]);
  });

  test("within the envelope the zone's sector lead allocates; the school sees it only once notified", async () => {
    const allocated = await allocateAs(sectorLead, 2031, await decisions(8, "Salle en partie rénovée en 2030"));
    expect(allocated.status).toBe(200);
    expect(allocated.body.lines.map((line) => [line.granted, line.reason])).toEqual([
      [8, "Salle en partie rénovée en 2030"],
      [4, null],
    ]);
    expect(await auditCount("campaign.allocated")).toBe(1);
    const school = await read(csl, 2031);
    expect([school.body.allocatedAt, school.body.lines[0]!.granted]).toEqual([null, null]);
    await moveCampaign(2031, "allocation");
    const notified = await read(csl, 2031);
    expect(notified.body.lines.map((line) => [line.granted, line.reason])).toEqual([
      [8, "Salle en partie rénovée en 2030"],
      [4, null],
    ]);
  });

  test("outside the analysis it is 409", async () => {
    const refused = await allocateAs(serviceLead, 2031, await decisions(8, "Salle en partie rénovée"));
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      "Les dotations de la campagne 2031 se décident pendant la phase d'analyse.",
    ]);
  });

  test("the past allocation shows in the next campaign's history", async () => {
    const created = await callRoute(createCampaign, { path: "/campaigns", token: admin, body: campaign(2032, "past") });
    expect(created.status).toBe(201);
    const view = await read(csl, 2032);
    expect(view.body.inventory.history).toEqual([
      { year: 2031, code: "PC-MULTI", label: "PC multimédia", granted: 8 },
      { year: 2031, code: "VP-STD", label: "Vidéoprojecteur standard", granted: 4 },
    ]);
  });
});

describe("the campaign's e-mails", () => {
  test("the survey's opening and the allocation are mailed to the head and secrétaire général once each", async () => {
    await moveCampaign(2030, "survey");
    const first = await mailCampaignNotices(new Date());
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await mailCampaignNotices(new Date())).toBe(0);
    const [choiseul] = await database()
      .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(
        and(like(outboxEmails.idempotencyKey, "campaign:2031:allocation:%"), eq(outboxEmails.toAddress, "proviseur.choiseul@guichet.test")),
      );
    expect(choiseul!.subject).toBe("Campagne de dotation 2031 : dotation de Lycée Choiseul");
    expect(choiseul!.text).toContain("PC multimédia (Z101) : 8 accordé(s) sur 14 demandé(s). Motif : Salle en partie rénovée en 2030");
    const survey = await database()
      .select({ to: outboxEmails.toAddress })
      .from(outboxEmails)
      .where(like(outboxEmails.idempotencyKey, "campaign:2030:survey:%"));
    expect(survey.map((row) => row.to)).toContain("proviseur.choiseul@guichet.test");
  });
});

describe("the analysis, its CSV and the filing rule", () => {
  test("the Région's summary sets each zone's granted total against its envelope; a sector lead sees only the zone", async () => {
    const region = await campaignAnalysis(await callerFor("chef.service@guichet.test"), 2031, new Date());
    const ouest = region!.zones.find((zone) => zone.zoneCode === "OUEST")!;
    // 8 PCs at 800 € and 4 projectors at 150 €.
    expect([ouest.envelope, ouest.grantedCost, ouest.progress.allocated]).toEqual([10_000, 7_000, 1]);
    const choiseul = region!.schools.find((school) => school.uai === CHOISEUL)!;
    expect([choiseul.progress, choiseul.pupils, choiseul.theoreticalNeed]).toEqual(["allocated", 1200, 300]);
    expect(region!.schools.find((school) => school.uai === PALISSY)?.progress).toBe("not_started");
    const zone = await campaignAnalysis(await callerFor("chef.ouest@guichet.test"), 2031, new Date());
    expect(new Set(zone!.schools.map((school) => school.zoneCode))).toEqual(new Set(["OUEST"]));
    expect(await campaignAnalysis(cslCaller, 2031, new Date())).toBeNull();
  });

  test("the CSV for procurement lists the granted lines of the caller's scope, audited; refused to a school", async () => {
    const lead = await callerFor("chef.ouest@guichet.test");
    const actor = { userId: lead.id, label: lead.email, ip: null, requestId: null };
    const csv = await allocationCsv(lead, 2031, translatorFor("fr"), new Date(), actor);
    expect(csv.ok).toBe(true);
    const lines = csv.ok ? csv.value.text.trim().split(/\r?\n/) : [];
    expect(lines[0]).toContain("Quantité accordée");
    expect(
      lines.slice(1).map((line) => line.split(";").slice(1, 2).concat(line.split(";").slice(5, 6), line.split(";").slice(10))),
    ).toEqual([
      [CHOISEUL, "PC-MULTI", "8", "800", "6400"],
      [CHOISEUL, "VP-STD", "4", "150", "600"],
    ]);
    const [audit] = await database()
      .select({ objectId: auditEvents.objectId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "export.downloaded"), like(auditEvents.objectId, "dotation-2031-%")));
    expect(audit?.objectId).toMatch(/^dotation-2031-zone-\d{4}-\d{2}-\d{2}\.csv$/);
    const refused = await allocationCsv(cslCaller, 2031, translatorFor("fr"), new Date(), actor);
    expect(refused).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
  });

  test("the Région prepares the school's delivery from its allocation; the progress then shows it", async () => {
    const lead = await callerFor("chef.service@guichet.test");
    const actor = { userId: lead.id, label: lead.email, ip: null, requestId: null };
    const input = { campaignYear: 2031, establishmentUai: CHOISEUL, supplier: "Econocom", deliveredOn: day(40) };
    const prepared = await createDeliveryFromAllocation(lead, input, actor, new Date());
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.failure));
    expect(prepared.value.lines.map((line) => [line.code, line.model, line.quantity])).toEqual([
      ["PC-MULTI", expect.any(String), 8],
      ["VP-STD", expect.any(String), 4],
    ]);
    expect(await createDeliveryFromAllocation(cslCaller, input, actor, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await createDeliveryFromAllocation(lead, { ...input, establishmentUai: PALISSY }, actor, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "unprocessable", message: "deliveries.errors.nothingAllocated" },
    });
    const region = await campaignAnalysis(lead, 2031, new Date());
    expect(region!.schools.find((school) => school.uai === CHOISEUL)?.delivery).toBe("planned");
    expect(region!.zones.find((zone) => zone.zoneCode === "OUEST")?.deliveries.planned).toBe(1);
  });

  test("outside every survey a dotation ticket is refused, naming the next campaign's opening", async () => {
    await moveCampaign(2030, "past");
    const next = campaign(2035, "past");
    next.phases = {
      survey: { from: day(40), to: day(50) },
      analysis: { from: day(51), to: day(60) },
      allocation: { from: day(61), to: day(70) },
      delivery: { from: day(71), to: day(80) },
    };
    expect((await callRoute(createCampaign, { path: "/campaigns", token: admin, body: next })).status).toBe(201);
    const filed = await createTicket(
      cslCaller,
      {
        type: "request",
        serviceCode: "EQUIPEMENT",
        categoryCode: "EQUIP-DOTATION",
        establishmentUai: CHOISEUL,
        title: "Dix portables",
        description: "Pour la section.",
        impact: "group",
        urgency: "low",
        fields: { items: "10 portables", justification: "Nouvelle section" },
        ciIds: [],
      },
      [],
      new Date(),
    );
    expect(filed).toMatchObject({
      ok: false,
      failure: { kind: "unprocessable", message: "filing.refusals.campaignSurveyClosed", values: { campaign: 2035 } },
    });
  });
});
