import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as getOne } from "@/app/api/v1/tickets/[reference]/route";
import { POST as comment } from "@/app/api/v1/tickets/[reference]/comments/route";
import { GET as list, POST as create } from "@/app/api/v1/tickets/route";
import { GET as services } from "@/app/api/v1/services/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { database } from "@/db/client";
import { configurationItems, establishments, notifications, outboxEmails, ticketEvents, tickets } from "@/db/schema";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { API, callRoute, tokenFor, type ProblemBody } from "../support/api-client";

type Page = { items: TicketJson[]; nextCursor: string | null };
type Ref = { reference: string };

let choiseul: string, palissy: string, techOuest: string, techEst: string, admin: string, vendor: string;
let choiseulPc: string, palissyPc: string;

async function ciOf(uai: string): Promise<string> {
  const [row] = await database()
    .select({ id: configurationItems.id })
    .from(configurationItems)
    .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
    .where(and(eq(establishments.uai, uai), eq(configurationItems.class, "pc")))
    .limit(1);
  return row!.id;
}

beforeAll(async () => {
  [choiseul, palissy, techOuest, techEst, admin, vendor] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("csl.palissy@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"),
    tokenFor("admin@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
  [choiseulPc, palissyPc] = await Promise.all([ciOf("0370037P"), ciOf("0450029M")]);
});

afterEach(() => {
  vi.useRealTimers();
});

const incident = (overrides: Record<string, unknown> = {}) => ({
  type: "incident",
  serviceCode: "POSTE",
  categoryCode: "POSTE-PANNE",
  establishmentUai: "0370037P",
  title: "Le poste du professeur ne démarre plus",
  description: "Écran noir depuis ce matin, salle B204.",
  impact: "group",
  urgency: "high",
  ...overrides,
});

const post = <Body = ProblemBody>(body: unknown, token: string | null = choiseul) =>
  callRoute<Body>(create, { path: "/tickets", token: token ?? undefined, body });

describe("POST /api/v1/tickets", () => {
  test("201: an incident on an inventoried PC, returned as GET returns it", async () => {
    const created = await post<TicketJson>(incident({ ciIds: [choiseulPc] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: "incident",
      status: "new",
      priority: "P2",
      impact: "group",
      urgency: "high",
      establishment: { uai: "0370037P", name: "Lycée Choiseul" },
      service: { code: "POSTE" },
      category: { code: "POSTE-PANNE" },
      assignedTeam: { code: "PROX-OUEST", name: "Équipe mobile Zone Ouest", party: "region" },
      assignee: null,
      flags: [],
      requester: { name: "Claire Martin (CSL Choiseul)" },
    });
    expect(created.body.reference).toMatch(/^GU-\d{4}-\d{6}$/);
    expect(created.body.cis.map((ci) => ci.id)).toEqual([choiseulPc]);
    const read = await callRoute<TicketJson, Ref>(getOne, {
      path: `/tickets/${created.body.reference}`,
      token: choiseul,
      params: { reference: created.body.reference },
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  test("references follow each other within the year", async () => {
    const first = await post<TicketJson>(incident());
    const second = await post<TicketJson>(incident());
    const number = (reference: string) => Number(reference.slice(-6));
    expect(number(second.body.reference)).toBe(number(first.body.reference) + 1);
  });

  test("concurrent filings get distinct consecutive references, each with its journal, news and e-mail", async () => {
    const filed = await Promise.all(Array.from({ length: 8 }, () => post<TicketJson>(incident())));
    expect(filed.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const numbers = filed.map((answer) => Number(answer.body.reference.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, index) => numbers[0]! + index));
    const rows = await database()
      .select({ id: tickets.id })
      .from(tickets)
      .where(
        inArray(
          tickets.reference,
          filed.map((answer) => answer.body.reference),
        ),
      );
    const ids = rows.map((row) => row.id);
    expect(ids).toHaveLength(8);
    const journal = await database()
      .select({ ticketId: ticketEvents.ticketId, kind: ticketEvents.kind })
      .from(ticketEvents)
      .where(inArray(ticketEvents.ticketId, ids))
      .orderBy(ticketEvents.id);
    for (const id of ids)
      expect(journal.filter((event) => event.ticketId === id).map((event) => event.kind)).toEqual(["created", "assignment_changed"]);
    // The requester's confirmation, and the new-ticket news of the queue's technicians (PROX-OUEST), once per ticket.
    const mails = await database()
      .select({ key: outboxEmails.idempotencyKey, ticketId: outboxEmails.ticketId })
      .from(outboxEmails)
      .where(inArray(outboxEmails.ticketId, ids));
    for (const id of ids) expect(mails.filter((mail) => mail.ticketId === id && mail.key.startsWith("created:"))).toHaveLength(1);
    const news = await database()
      .select({ ticketId: notifications.ticketId, kind: notifications.kind })
      .from(notifications)
      .where(inArray(notifications.ticketId, ids));
    for (const id of ids) expect(news.filter((row) => row.ticketId === id && row.kind === "new_ticket").length).toBeGreaterThan(0);
  });

  test("a filing refused at its last write leaves nothing of it but its unused number", async () => {
    const db = database();
    const before = await post<TicketJson>(incident());
    const refused = { title: "Refusé à l'écriture du courriel", description: "Ce signalement ne doit laisser aucune trace." };
    // The outbox's INSERT is the last of the filing's one statement: refused, the ticket, its journal and news go too.
    await db.execute(
      sql`CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
    );
    await db.execute(sql`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_emails FOR EACH ROW EXECUTE FUNCTION refuse_outbox()`);
    try {
      expect((await post(incident(refused))).status).toBe(500);
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_outbox ON outbox_emails`);
      await db.execute(sql`DROP FUNCTION refuse_outbox()`);
    }
    expect(await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.title, refused.title))).toEqual([]);
    expect(await db.select({ id: ticketEvents.id }).from(ticketEvents).where(eq(ticketEvents.body, refused.description))).toEqual([]);
    // Every in-app notification and e-mail hangs on a ticket that exists: none of the refused one's was written.
    const orphans = await db.execute<{ count: string }>(sql`
      SELECT (SELECT count(*) FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = n.ticket_id))
           + (SELECT count(*) FROM outbox_emails o WHERE o.ticket_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = o.ticket_id)) AS count`);
    expect(Number(orphans.rows[0]!.count)).toBe(0);
    // Its number was taken before its write and stays unused: a gap, as a sequence leaves.
    const after = await post<TicketJson>(incident());
    expect(after.status).toBe(201);
    expect(Number(after.body.reference.slice(-6))).toBe(Number(before.body.reference.slice(-6)) + 2);
  });

  test("a hardware incident without inventoried equipment is accepted and flagged hors_inventaire", async () => {
    const created = await post<TicketJson>(incident({ impact: "individual", urgency: "low" }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ flags: ["hors_inventaire"], priority: "P4", cis: [] });
  });

  test("a filtering exception carries its validated fields, and waits for the head's approval", async () => {
    const created = await post<TicketJson>({
      type: "request",
      serviceCode: "SECURITE",
      categoryCode: "SEC-FILTRAGE",
      establishmentUai: "0370037P",
      title: "Autoriser GeoGebra",
      description: "Pour les cours de mathématiques.",
      impact: "group",
      urgency: "medium",
      fields: { url: "https://www.geogebra.org", decision: "autoriser", duration_days: "60" },
    });
    expect(created.status).toBe(201);
    expect(created.body.fields).toEqual({ url: "https://www.geogebra.org", decision: "autoriser", duration_days: 60 });
    expect(created.body).toMatchObject({ status: "awaiting_approval", assignedTeam: null, sla: null, approval: { state: "pending" } });
  });

  test.each([
    ["no body", undefined, ["(body)"]],
    ["missing title and impact", incident({ title: undefined, impact: undefined }), ["impact", "title"]],
    ["a malformed UAI and urgency", incident({ establishmentUai: "37P", urgency: "urgent" }), ["establishmentUai", "urgency"]],
    ["a malformed CI id", incident({ ciIds: ["pc-12"] }), ["ciIds.0"]],
    [
      "a filtering exception without URL and with 400 days",
      {
        type: "request",
        serviceCode: "SECURITE",
        categoryCode: "SEC-FILTRAGE",
        establishmentUai: "0370037P",
        title: "Autoriser un site",
        description: "x",
        impact: "group",
        urgency: "low",
        fields: { decision: "autoriser", duration_days: 400 },
      },
      ["fields.duration_days", "fields.url"],
    ],
  ])("400 naming each bad field: %s", async (_, body, fields) => {
    const before = await ticketCount();
    const response = await post(body ?? "");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body.errors!.map((error) => error.field).sort()).toEqual(fields);
    expect(await ticketCount()).toBe(before);
  });

  test.each([
    // Bodies are built inside the test: the PC ids exist only once beforeAll has run.
    ["an unknown service", () => incident({ serviceCode: "CAFE" }), "categoryCode"],
    ["an unknown category", () => incident({ categoryCode: "POSTE-CAFE" }), "categoryCode"],
    ["a category of another service", () => incident({ serviceCode: "RESEAU" }), "categoryCode"],
    ["an unknown UAI", () => incident({ establishmentUai: "0000001B" }), "establishmentUai"],
    ["a type the category is not", () => incident({ type: "request" }), "type"],
    ["a PC of another school", () => incident({ ciIds: [palissyPc] }), "ciIds"],
  ])("422 for %s", async (_, body, field) => {
    const response = await post(body());
    expect(response.status).toBe(422);
    expect(response.body.errors?.[0]?.field).toBe(field);
  });

  test("422 with the survey calendar for an equipment request outside the annual survey", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T09:00:00Z"));
    const response = await post({
      type: "request",
      serviceCode: "EQUIPEMENT",
      categoryCode: "EQUIP-DOTATION",
      establishmentUai: "0370037P",
      title: "Dix portables",
      description: "Pour la section.",
      impact: "group",
      urgency: "low",
      fields: { items: "10 portables", justification: "Nouvelle section" },
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContain("enquête en février et mars, analyse en avril et mai, livraison en octobre et novembre");
  });

  test("a school 'hors périmètre' files hardware incidents only", async () => {
    const software = await post(
      {
        type: "request",
        serviceCode: "LOG-PEDA",
        categoryCode: "LOGPED-USAGE",
        establishmentUai: "0180010N",
        title: "Aide Pronote",
        description: "x",
        impact: "individual",
        urgency: "low",
      },
      admin,
    );
    expect(software.status).toBe(422);
    expect(software.body.detail).toContain("hors périmètre");
    expect((await post(incident({ establishmentUai: "0180010N" }), admin)).status).toBe(201);
  });

  test("the call platform files for a school and can follow the ticket it filed", async () => {
    const dsi = await tokenFor("dsi@guichet.test");
    const created = await post<TicketJson>(incident(), dsi);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ establishment: { uai: "0370037P" }, assignedTeam: { code: "PROX-OUEST" } });
    const read = await callRoute<TicketJson, Ref>(getOne, {
      path: `/tickets/${created.body.reference}`,
      token: dsi,
      params: { reference: created.body.reference },
    });
    expect(read.status).toBe(200);
  });

  test("a body not sent as JSON is refused: no HTML form of another site can post with the session cookie", async () => {
    const response = await create(
      new Request(`${API}/tickets`, {
        method: "POST",
        headers: { authorization: `Bearer ${choiseul}`, "content-type": "text/plain" },
        body: JSON.stringify(incident()),
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(response.status).toBe(400);
  });

  test("403 for another school's requester and for a vendor; 401 without a token", async () => {
    expect((await post(incident(), palissy)).status).toBe(403);
    expect((await post(incident(), vendor)).status).toBe(403);
    expect((await post(incident(), null)).status).toBe(401);
  });
});

async function ticketCount() {
  return Number((await database().execute(sql`SELECT count(*) AS n FROM tickets`)).rows[0]!.n);
}

describe("GET /api/v1/tickets/{reference}", () => {
  test("the school's staff and the zone's technician see it; another school and another zone get 404", async () => {
    const { body: ticket } = await post<TicketJson>(incident());
    const read = (token: string | undefined) =>
      callRoute<TicketJson, Ref>(getOne, { path: `/tickets/${ticket.reference}`, token, params: { reference: ticket.reference } });
    expect((await read(choiseul)).status).toBe(200);
    expect((await read(techOuest)).status).toBe(200);
    expect((await read(admin)).status).toBe(200);
    expect((await read(palissy)).status).toBe(404);
    expect((await read(techEst)).status).toBe(404);
    expect((await read(vendor)).status).toBe(404);
    expect((await read(undefined)).status).toBe(401);
  });

  test("its equipment by name, each with its class, room and serial number", async () => {
    const equipment = await database()
      .select({
        id: configurationItems.id,
        name: configurationItems.name,
        class: configurationItems.class,
        room: configurationItems.room,
        serialNumber: configurationItems.serialNumber,
      })
      .from(configurationItems)
      .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
      .where(eq(establishments.uai, "0370037P"))
      .orderBy(desc(configurationItems.name))
      .limit(3);
    expect(equipment).toHaveLength(3);
    const { body: ticket } = await post<TicketJson>(incident({ ciIds: equipment.map((ci) => ci.id) }));
    const read = await callRoute<TicketJson, Ref>(getOne, {
      path: `/tickets/${ticket.reference}`,
      token: choiseul,
      params: { reference: ticket.reference },
    });
    expect(read.body.cis).toEqual(equipment.reverse());
    expect(Object.keys(read.body.cis[0]!)).toEqual(["id", "name", "class", "room", "serialNumber"]);
  });

  test.each([["GU-2026-999999"], ["pas-une-reference"]])("404 for %s", async (reference) => {
    expect(
      (await callRoute<ProblemBody, Ref>(getOne, { path: `/tickets/${reference}`, token: choiseul, params: { reference } })).status,
    ).toBe(404);
  });
});

describe("GET /api/v1/tickets", () => {
  test("a requester lists only their school's tickets", async () => {
    await post(incident({ establishmentUai: "0450029M", ciIds: [palissyPc] }), palissy);
    const page = await callRoute<Page>(list, { path: "/tickets?limit=100", token: palissy });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(new Set(page.body.items.map((item) => item.establishment.uai))).toEqual(new Set(["0450029M"]));
    const foreign = await callRoute<Page>(list, { path: "/tickets?establishment=0370037P", token: palissy });
    expect(foreign.body.items).toEqual([]);
  });

  test("French search ignores accents and finds by reference", async () => {
    const { body: ticket } = await post<TicketJson>(incident({ title: "Réseau coupé au CDI", description: "Plus aucune connexion." }));
    for (const q of ["reseau coupe", "RÉSEAU", ticket.reference.toLowerCase()]) {
      const page = await callRoute<Page>(list, { path: `/tickets?q=${encodeURIComponent(q)}`, token: choiseul });
      expect(page.body.items.map((item) => item.reference)).toContain(ticket.reference);
    }
    const none = await callRoute<Page>(list, { path: "/tickets?q=imprimante%20bourrage", token: choiseul });
    expect(none.body.items.map((item) => item.reference)).not.toContain(ticket.reference);
  });

  test("keyset pages walk every ticket once, newest first, and filters combine", async () => {
    const all = await callRoute<Page>(list, { path: "/tickets?limit=100&establishment=0370037P", token: admin });
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await callRoute<Page>(list, {
        path: `/tickets?limit=2&establishment=0370037P${cursor ? `&cursor=${cursor}` : ""}`,
        token: admin,
      });
      walked.push(...page.body.items.map((item) => item.reference));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.body.items.map((item) => item.reference));
    const requests = await callRoute<Page>(list, { path: "/tickets?status=new&service=SECURITE", token: choiseul });
    expect(requests.body.items.every((item) => item.service.code === "SECURITE" && item.status === "new")).toBe(true);
  });

  test("mine=true keeps the caller's own tickets", async () => {
    const page = await callRoute<Page>(list, { path: "/tickets?mine=true&limit=100", token: admin });
    expect(page.body.items.every((item) => item.establishment.uai === "0180010N")).toBe(true);
  });

  test.each([
    ["status=ouvert", "status"],
    ["cursor=zzz", "cursor"],
    ["establishment=12", "establishment"],
  ])("400 for %s", async (query, field) => {
    const response = await callRoute(list, { path: `/tickets?${query}`, token: choiseul });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe(field);
  });
});

describe("POST /api/v1/tickets/{reference}/comments", () => {
  const say = (reference: string, token: string, body: unknown) =>
    callRoute<{ id: number; reference: string } & ProblemBody, Ref>(comment, {
      path: `/tickets/${reference}/comments`,
      token,
      body,
      params: { reference },
    });

  test("the requester replies (201); a technician's public reply e-mails the requester, an internal note does not", async () => {
    const { body: ticket } = await post<TicketJson>(incident());
    expect((await say(ticket.reference, choiseul, { body: "Merci, c'est le poste 12.", visibility: "public" })).status).toBe(201);
    expect((await say(ticket.reference, techOuest, { body: "Je passe demain à 10 h.", visibility: "public" })).status).toBe(201);
    expect((await say(ticket.reference, techOuest, { body: "Carte mère HS, voir SAV.", visibility: "internal" })).status).toBe(201);
    const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, ticket.reference));
    const mails = await database()
      .select({ key: outboxEmails.idempotencyKey, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(eq(outboxEmails.ticketId, row!.id));
    expect(mails.map((mail) => mail.key.split(":")[0]).sort()).toEqual(["answered", "created"]);
    expect(mails.map((mail) => mail.text).join("\n")).not.toContain("Carte mère");
  });

  test.each([
    ["an empty body", { body: "  " }, 400],
    ["an unknown visibility", { body: "x", visibility: "secret" }, 400],
    ["an internal note from school staff", { body: "x", visibility: "internal" }, 403],
  ])("refuses %s", async (_, body, status) => {
    const { body: ticket } = await post<TicketJson>(incident());
    expect((await say(ticket.reference, choiseul, body)).status).toBe(status);
  });

  test("404 on another school's ticket, 409 on a cancelled one", async () => {
    const { body: ticket } = await post<TicketJson>(incident());
    expect((await say(ticket.reference, palissy, { body: "Bonjour" })).status).toBe(404);
    await database().update(tickets).set({ status: "cancelled" }).where(eq(tickets.reference, ticket.reference));
    expect((await say(ticket.reference, choiseul, { body: "Bonjour" })).status).toBe(409);
  });
});

describe("GET /api/v1/services and the OpenAPI document", () => {
  test("the catalogue lists services with their categories and field definitions", async () => {
    const response = await callRoute<{
      items: Array<{ code: string; categories: Array<{ code: string; fields: Array<{ name: string; kind: string }> }> }>;
    }>(services, { path: "/services", token: palissy });
    expect(response.status).toBe(200);
    expect(response.body.items.map((service) => service.code)).toContain("SECURITE");
    const filtering = response.body.items.flatMap((service) => service.categories).find((category) => category.code === "SEC-FILTRAGE");
    expect(filtering?.fields.map((field) => `${field.name}:${field.kind}`)).toEqual(["url:url", "decision:enum", "duration_days:integer"]);
    expect((await callRoute(services, { path: "/services" })).status).toBe(401);
  });

  // That every route is in it is tests/unit/openapi-contract.test.ts's job.
  test("openapi.json serves the document with the routes' own schemas", async () => {
    const response = await openapi();
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths["/tickets/{reference}"]!).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(document.paths["/tickets"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.components.schemas.Ticket!.properties!)).toEqual(
      expect.arrayContaining(["reference", "establishment", "cis", "assignedTeam", "flags"]),
    );
    expect(Object.keys(document.components.schemas.Me!.properties!)).toEqual(["id", "email", "name", "role", "navigation"]);
    expect(Object.keys(document.components.schemas.EstablishmentPage!.properties!)).toEqual(["items", "nextCursor"]);
  });
});
