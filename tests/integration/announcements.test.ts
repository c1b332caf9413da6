import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as reportRoute } from "@/app/api/v1/announcements/[id]/affected/route";
import { GET as listRoute, POST as publishRoute } from "@/app/api/v1/announcements/route";
import { database } from "@/db/client";
import { announcementEstablishments, announcements, auditEvents, outboxEmails, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { bannersFor } from "@/lib/services/announcements/list-announcements";
import { mailEndedAnnouncements } from "@/lib/services/announcements/mail-ended-announcements";
import { groupUnderMajor, updateTicket } from "@/lib/services/desk/update-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

type Announcement = { id: string; title: string; zones: string[]; majorTicket: string | null } & ProblemBody;
type Report = { announcementId: string; establishment: string; created: boolean } & ProblemBody;

const HOUR = 3_600_000;
let drop: () => Promise<void>;
let adminToken: string, academyToken: string, choiseulToken: string, palissyToken: string, technicianToken: string;
let admin: Caller, choiseulCsl: Caller, palissyCsl: Caller;
let outage: Announcement;
let major: string;

const publish = (token: string, body: unknown) => callRoute<Announcement>(publishRoute, { path: "/announcements", token, body });
const list = (token: string, query = "") =>
  callRoute<{ items: Announcement[] } & ProblemBody>(listRoute, { path: `/announcements${query}`, token });
const report = (token: string, id: string) =>
  callRoute<Report, { id: string }>(reportRoute, { path: `/announcements/${id}/affected`, token, method: "POST", params: { id } });

/** The addresses mailed under an outbox key prefix, one entry per row. */
async function mailedTo(keyPrefix: string): Promise<string[]> {
  const rows = await database()
    .select({ to: outboxEmails.toAddress })
    .from(outboxEmails)
    .where(like(outboxEmails.idempotencyKey, `${keyPrefix}%`));
  return rows.map((row) => row.to).sort();
}

async function fileNetworkIncident(caller: Caller, uai: string, title: string): Promise<string> {
  const created = await createTicket(
    caller,
    {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-INTERNET",
      establishmentUai: uai,
      title,
      description: "Plus d'accès à internet depuis ce matin.",
      impact: "school",
      urgency: "high",
      fields: {},
      ciIds: [],
    },
    [],
    new Date(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return created.value.reference;
}

const outageBody = (majorTicket: string) => ({
  title: "Coupure internet en zone Ouest",
  body: "Le lien de l'opérateur est coupé ; rétablissement en cours.",
  kind: "outage",
  startsAt: new Date(Date.now() - HOUR).toISOString(),
  endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
  zones: ["OUEST"],
  establishments: [],
  services: ["RESEAU"],
  majorTicket,
});

beforeAll(async () => {
  drop = await useOwnDatabase("announcements");
  [adminToken, academyToken, choiseulToken, palissyToken, technicianToken] = (await Promise.all(
    ["admin@guichet.test", "dsi@guichet.test", "csl.choiseul@guichet.test", "csl.palissy@guichet.test", "tech.ouest@guichet.test"].map(
      tokenFor,
    ),
  )) as [string, string, string, string, string];
  [admin, choiseulCsl, palissyCsl] = await Promise.all([
    callerFor("admin@guichet.test"),
    callerFor("csl.choiseul@guichet.test"),
    callerFor("csl.palissy@guichet.test"),
  ]);
  major = await fileNetworkIncident(admin, "0370037P", "Incident majeur : coupure internet zone Ouest");
});
afterAll(() => drop());

describe("publishing", () => {
  test("school staff and technicians may not publish (403); nothing written", async () => {
    for (const token of [choiseulToken, technicianToken]) {
      const refused = await publish(token, outageBody(major));
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe("Seuls la Région et l'Académie publient des annonces.");
    }
    expect(await database().select({ id: announcements.id }).from(announcements)).toEqual([]);
  });

  test.each([
    ["an end before the start", { endsAt: new Date(Date.now() - 2 * HOUR).toISOString() }, 400, "endsAt"],
    ["a date without its offset", { startsAt: "2027-03-01T08:00:00" }, 400, "startsAt"],
    ["another kind", { kind: "rumour" }, 400, "kind"],
    ["an unknown zone", { zones: ["NOWHERE"] }, 422, "zones"],
    ["an unknown service", { services: ["TELEPORT"] }, 422, "services"],
    ["an unknown school", { establishments: ["0000000A"] }, 422, "establishments"],
    ["an unknown major ticket", { majorTicket: "GU-2020-999999" }, 422, "majorTicket"],
  ])("%s is refused, naming the field", async (_label, change, status, field) => {
    const refused = await publish(adminToken, { ...outageBody(major), ...change });
    expect(refused.status).toBe(status);
    expect(refused.body.errors?.map((error) => error.field)).toContain(field);
  });

  test("the Région publishes an outage for zone Ouest: Choiseul's staff are mailed once, Palissy's not; audited", async () => {
    const published = await publish(adminToken, outageBody(major));
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ zones: ["OUEST"], majorTicket: major });
    outage = published.body;
    const mailed = await mailedTo(`announcement:published:${outage.id}:`);
    expect(mailed).toContain("csl.choiseul@guichet.test");
    expect(mailed).toContain("proviseur.choiseul@guichet.test");
    expect(mailed).not.toContain("csl.palissy@guichet.test");
    expect(new Set(mailed).size).toBe(mailed.length);
    const audit = await database().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.objectId, outage.id));
    expect(audit).toHaveLength(1);
  });
});

describe("reading", () => {
  test("zone Ouest reaches Choiseul and not Palissy, in the API and in the banners of the network filing form", async () => {
    expect((await list(choiseulToken)).body.items.map((item) => item.id)).toContain(outage.id);
    expect((await list(palissyToken)).body.items.map((item) => item.id)).not.toContain(outage.id);
    expect((await list(technicianToken, "?active=true")).body.items.map((item) => item.id)).toContain(outage.id);

    const now = new Date();
    expect((await bannersFor(choiseulCsl, now, "RESEAU")).banners.map((banner) => banner.id)).toEqual([outage.id]);
    expect((await bannersFor(palissyCsl, now, "RESEAU")).banners).toEqual([]);
    expect((await bannersFor(choiseulCsl, now, "POSTE")).banners).toEqual([]);
  });

  test("?active=true leaves planned works out; another value is refused (400)", async () => {
    const planned = await publish(academyToken, {
      ...outageBody(major),
      title: "Maintenance de l'ENT",
      kind: "planned",
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 26 * HOUR).toISOString(),
      majorTicket: undefined,
    });
    expect(planned.status).toBe(201);
    expect((await list(choiseulToken)).body.items.map((item) => item.id)).toContain(planned.body.id);
    expect((await list(choiseulToken, "?active=true")).body.items.map((item) => item.id)).toEqual([outage.id]);
    expect((await list(choiseulToken, "?active=yes")).status).toBe(400);
  });
});

describe("Mon établissement est concerné", () => {
  test("links Choiseul once, idempotent; Palissy gets 404, staff 403", async () => {
    expect(await report(choiseulToken, outage.id)).toMatchObject({ status: 201, body: { establishment: "0370037P", created: true } });
    expect(await report(choiseulToken, outage.id)).toMatchObject({ status: 200, body: { created: false } });
    expect((await report(palissyToken, outage.id)).status).toBe(404);
    expect((await report(technicianToken, outage.id)).status).toBe(403);
    expect((await report(choiseulToken, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const links = await database()
      .select({ id: announcementEstablishments.establishmentId })
      .from(announcementEstablishments)
      .where(eq(announcementEstablishments.announcementId, outage.id));
    expect(links).toHaveLength(1);
    expect((await bannersFor(choiseulCsl, new Date(), "RESEAU")).banners[0]?.reported).toBe(true);
  });
});

describe("the major incident", () => {
  test("resolving it resolves its grouped tickets with one e-mail each, ends the outage and mails the end once", async () => {
    const fromChoiseul = await fileNetworkIncident(choiseulCsl, "0370037P", "Plus d'internet au CDI");
    const fromPalissy = await fileNetworkIncident(palissyCsl, "0450029M", "Plus d'internet en salle B12");
    const now = new Date();
    // The major incident is not grouped under itself, and a ticket that is not a major incident groups nothing.
    expect(await groupUnderMajor(admin, [major], major, now)).toMatchObject({ ok: false, failure: { kind: "unprocessable" } });
    expect(await groupUnderMajor(admin, [fromChoiseul], fromPalissy, now)).toMatchObject({
      ok: false,
      failure: { kind: "unprocessable", message: "announcements.errors.notMajor" },
    });
    // A selection is grouped all or nothing: with a cancelled ticket after it, Choiseul's is not grouped either.
    const cancelled = await fileNetworkIncident(choiseulCsl, "0370037P", "Doublon annulé");
    expect((await updateTicket(admin, cancelled, { status: "cancelled" }, now)).ok).toBe(true);
    expect(await groupUnderMajor(admin, [fromChoiseul, cancelled], major, now)).toMatchObject({
      ok: false,
      failure: { kind: "conflict", message: "announcements.errors.groupClosed" },
    });
    const [majorRow] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, major));
    const grouped = () => database().select({ id: tickets.id }).from(tickets).where(eq(tickets.majorIncidentId, majorRow!.id));
    expect(await grouped()).toEqual([]);
    expect(await groupUnderMajor(admin, [fromChoiseul, fromPalissy], major, now)).toEqual({ ok: true, value: { count: 2 } });
    expect(await grouped()).toHaveLength(2);

    const resolved = await updateTicket(admin, major, { status: "resolved", message: "Le lien de l'opérateur est rétabli." }, new Date());
    expect(resolved.ok).toBe(true);
    const rows = await database()
      .select({ id: tickets.id, reference: tickets.reference, status: tickets.status })
      .from(tickets)
      .where(inArray(tickets.reference, [major, fromChoiseul, fromPalissy]));
    expect(rows.map((row) => row.status)).toEqual(["resolved", "resolved", "resolved"]);
    for (const [reference, to] of [
      [fromChoiseul, "csl.choiseul@guichet.test"],
      [fromPalissy, "csl.palissy@guichet.test"],
    ] as const) {
      const ticketId = rows.find((row) => row.reference === reference)!.id;
      const resolvedMails = await database()
        .select({ to: outboxEmails.toAddress, text: outboxEmails.textBody })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.ticketId, ticketId), like(outboxEmails.idempotencyKey, "resolved:%")));
      expect(resolvedMails.map((mail) => mail.to)).toEqual([to]);
      expect(resolvedMails[0]!.text).toContain("Le lien de l'opérateur est rétabli.");
    }

    const [ended] = await database()
      .select({ endsAt: announcements.endsAt, endMailedAt: announcements.endMailedAt })
      .from(announcements)
      .where(eq(announcements.id, outage.id));
    expect(ended!.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(ended!.endMailedAt).not.toBeNull();
    const endMails = await mailedTo(`announcement:ended:${outage.id}:`);
    expect(endMails).toContain("csl.choiseul@guichet.test");
    expect(endMails).not.toContain("csl.palissy@guichet.test");
    expect(new Set(endMails).size).toBe(endMails.length);
    // The job finds nothing more to mail about it.
    await mailEndedAnnouncements(new Date());
    expect(await mailedTo(`announcement:ended:${outage.id}:`)).toEqual(endMails);
  });
});

describe("planned works backed by a major incident resolved before they start", () => {
  test("end at their start, and are not mailed as over before it", async () => {
    const early = await fileNetworkIncident(admin, "0370037P", "Migration du cœur de réseau");
    const startsAt = new Date(Date.now() + 24 * HOUR);
    const planned = await publish(adminToken, {
      ...outageBody(early),
      title: "Migration du cœur de réseau",
      kind: "planned",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    expect(planned.status).toBe(201);
    expect((await updateTicket(admin, early, { status: "resolved", message: "Annulée." }, new Date())).ok).toBe(true);
    const [row] = await database()
      .select({ endsAt: announcements.endsAt, endMailedAt: announcements.endMailedAt })
      .from(announcements)
      .where(eq(announcements.id, planned.body.id));
    expect(row).toEqual({ endsAt: startsAt, endMailedAt: null });
    expect(await mailedTo(`announcement:ended:${planned.body.id}:`)).toEqual([]);
  });
});

describe("the end of an announcement, by the job", () => {
  test("is mailed once to the concerned schools, however often the job runs", async () => {
    const start = Date.now() - 3 * HOUR;
    const past = await publish(adminToken, {
      ...outageBody(major),
      title: "Travaux sur le réseau de la zone Est",
      kind: "planned",
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + HOUR).toISOString(),
      zones: ["EST"],
      services: [],
      majorTicket: undefined,
    });
    expect(past.status).toBe(201);
    expect(await mailEndedAnnouncements(new Date())).toBeGreaterThanOrEqual(1);
    const mailed = await mailedTo(`announcement:ended:${past.body.id}:`);
    expect(mailed).toContain("csl.palissy@guichet.test");
    expect(mailed).not.toContain("csl.choiseul@guichet.test");
    await mailEndedAnnouncements(new Date());
    expect(await mailedTo(`announcement:ended:${past.body.id}:`)).toEqual(mailed);
  });
});
