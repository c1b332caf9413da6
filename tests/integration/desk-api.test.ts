import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as queue } from "@/app/api/v1/queues/[queue]/route";
import { PATCH as patch } from "@/app/api/v1/tickets/[reference]/route";
import { POST as escalations } from "@/app/api/v1/tickets/[reference]/escalations/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import {
  configurationItems,
  establishments,
  outboxEmails,
  teamMembers,
  teams,
  ticketEvents,
  ticketFollowers,
  tickets,
  users,
} from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { bulkUpdate, linkRelated, mergeDuplicate, previewRequalification } from "@/lib/services/desk/update-ticket";
import { readTicket } from "@/lib/services/tickets/read-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";

type Ref = { reference: string };
type Page = { items: TicketJson[]; nextCursor: string | null };

let choiseul: string, palissy: string, techOuest: string, techEst: string, chefOuest: string, dsi: string, scc: string;
let techOuestCaller: Caller;

beforeAll(async () => {
  [choiseul, palissy, techOuest, techEst, chefOuest, dsi, scc] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("csl.palissy@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"),
    tokenFor("chef.ouest@guichet.test"),
    tokenFor("dsi@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
  techOuestCaller = await callerFor("tech.ouest@guichet.test");
});

async function file(overrides: Record<string, unknown> = {}, token = choiseul): Promise<TicketJson> {
  const response = await callRoute<TicketJson>(create, {
    path: "/tickets",
    token,
    body: {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-PANNE",
      establishmentUai: "0370037P",
      title: "Plus de réseau en salle B204",
      description: "Aucun poste ne se connecte.",
      impact: "group",
      urgency: "high",
      fields: { rooms: "B204" },
      ...overrides,
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}

const patchTicket = <Body = TicketJson & Omit<ProblemBody, "status">>(reference: string, token: string, body: unknown) =>
  callRoute<Body, Ref>(patch, { path: `/tickets/${reference}`, token, body, method: "PATCH", params: { reference } });
const escalate = (reference: string, token: string, body: unknown) =>
  callRoute<TicketJson & Omit<ProblemBody, "status">, Ref>(escalations, {
    path: `/tickets/${reference}/escalations`,
    token,
    body,
    params: { reference },
  });
const listQueue = (name: string, token: string, query = "") =>
  callRoute<Page & ProblemBody, { queue: string }>(queue, { path: `/queues/${name}${query}`, token, params: { queue: name } });

describe("routing at creation", () => {
  test.each([
    [{ serviceCode: "RESEAU", categoryCode: "RES-PANNE" }, "PROX-OUEST", []],
    [{ serviceCode: "SECURITE", categoryCode: "SEC-INCIDENT", fields: {} }, "EQ-E-INFRA_SECU", ["ACAD-RSSI"]],
    [{ serviceCode: "RESEAU", categoryCode: "RES-INTERNET", fields: {} }, "EQ-E-RRC", []],
    [{ type: "request", serviceCode: "LOG-PEDA", categoryCode: "LOGPED-USAGE", fields: {} }, "EQ-E-CAN37", []],
    [{ serviceCode: "IMPRESSION", categoryCode: "IMPR-CONSOMMABLE", fields: {} }, "ETAB-0370037P", []],
  ])("%o → %s", async (overrides, team, watchers) => {
    const ticket = await file(overrides);
    expect(ticket.assignedTeam?.code).toBe(team);
    const rows = await database().execute<{ code: string }>(
      sql`SELECT t.code FROM ticket_watchers w JOIN teams t ON t.id = w.team_id JOIN tickets k ON k.id = w.ticket_id WHERE k.reference = ${ticket.reference}`,
    );
    expect(rows.rows.map((row) => row.code)).toEqual(watchers);
  });

  test("the Académie's RSSI, watching a security incident, sees it; another Académie team does not", async () => {
    const ticket = await file({ serviceCode: "SECURITE", categoryCode: "SEC-INCIDENT", fields: {} });
    const [rssi] = await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "ACAD-RSSI"));
    const dsiCaller = await callerFor("dsi@guichet.test");
    expect(await readTicket(dsiCaller, ticket.reference, new Date())).toBeNull();
    const rssiAgent = { ...dsiCaller, teamIds: [rssi!.id] };
    expect((await readTicket(rssiAgent, ticket.reference, new Date()))?.ticket.assignedTeam?.code).toBe("EQ-E-INFRA_SECU");
  });

  test("the watching team's members are mailed when the ticket is filed", async () => {
    const [rssi] = await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "ACAD-RSSI"));
    const [dsiUser] = await database().select({ id: users.id }).from(users).where(eq(users.email, "dsi@guichet.test"));
    await database().insert(teamMembers).values({ teamId: rssi!.id, userId: dsiUser!.id });
    try {
      const ticket = await file({ serviceCode: "SECURITE", categoryCode: "SEC-INCIDENT", fields: {} });
      const mails = await database()
        .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
        .from(outboxEmails)
        .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
        .where(eq(tickets.reference, ticket.reference));
      const watched = mails.find((mail) => mail.to === "dsi@guichet.test");
      expect(watched?.subject).toBe(`[${ticket.reference}] Ticket transmis pour information`);
      expect(watched?.text).toContain(`/bureau/tickets/${ticket.reference}`);
      expect(mails.map((mail) => mail.to).sort()).toEqual(["csl.choiseul@guichet.test", "dsi@guichet.test"]);
    } finally {
      await database()
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, rssi!.id), eq(teamMembers.userId, dsiUser!.id)));
    }
  });
});

describe("GET /api/v1/queues/{queue}", () => {
  test("a zone technician sees the zone team's queue, newest first, open tickets only", async () => {
    const ticket = await file();
    const page = await listQueue("PROX-OUEST", techOuest, "?limit=100");
    expect(page.status).toBe(200);
    expect(page.body.items[0]?.reference).toBe(ticket.reference);
    expect(
      page.body.items.every(
        (item) => item.assignedTeam?.code === "PROX-OUEST" && !["closed", "cancelled", "resolved"].includes(item.status),
      ),
    ).toBe(true);
  });

  test("another zone's technician sees nothing of it; a requester is refused; an unknown team is 404", async () => {
    await file();
    expect((await listQueue("PROX-OUEST", techEst)).body.items).toEqual([]);
    expect((await listQueue("PROX-OUEST", choiseul)).status).toBe(403);
    expect((await listQueue("EQ-E-NOPE", techOuest)).status).toBe(404);
  });

  test("sorts by priority then age, and pages with the cursor without repeats", async () => {
    await file({ impact: "individual", urgency: "low" });
    await file({ impact: "school", urgency: "high" });
    const first = await listQueue("PROX-OUEST", techOuest, "?sort=priority&limit=2");
    expect(first.body.items[0]?.priority).toBe("P1");
    const second = await listQueue("PROX-OUEST", techOuest, `?sort=priority&limit=2&cursor=${first.body.nextCursor}`);
    const all = await listQueue("PROX-OUEST", techOuest, "?sort=priority&limit=100");
    expect([...first.body.items, ...second.body.items].map((item) => item.reference)).toEqual(
      all.body.items.slice(0, 4).map((item) => item.reference),
    );
    const priorities = all.body.items.map((item) => item.priority);
    expect(priorities).toEqual([...priorities].sort());
  });

  test("unassigned and mine follow taking a ticket", async () => {
    const ticket = await file();
    expect((await listQueue("unassigned", techOuest, "?limit=100")).body.items.map((item) => item.reference)).toContain(ticket.reference);
    expect((await patchTicket(ticket.reference, techOuest, { assignee: "me" })).status).toBe(200);
    expect((await listQueue("unassigned", techOuest, "?limit=100")).body.items.map((item) => item.reference)).not.toContain(
      ticket.reference,
    );
    expect((await listQueue("mine", techOuest, "?limit=100")).body.items.map((item) => item.reference)).toContain(ticket.reference);
  });

  test("400 on a bad filter", async () => {
    expect((await listQueue("PROX-OUEST", techOuest, "?sort=random")).status).toBe(400);
    expect((await listQueue("PROX-OUEST", techOuest, "?priority=P9")).status).toBe(400);
  });
});

describe("PATCH /api/v1/tickets/{reference}", () => {
  test("take, then progress to resolved with a message the requester is mailed", async () => {
    const ticket = await file();
    const taken = await patchTicket(ticket.reference, techOuest, { assignee: "me" });
    expect(taken.body).toMatchObject({ status: "in_progress", assignee: { name: "Thomas Leroy (Technicien Ouest)" } });
    const resolved = await patchTicket(ticket.reference, techOuest, {
      status: "resolved",
      message: "Le commutateur de la salle a été redémarré.",
    });
    expect(resolved.body.status).toBe("resolved");
    const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, ticket.reference));
    const mails = await database()
      .select({ key: outboxEmails.idempotencyKey, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(eq(outboxEmails.ticketId, row!.id));
    expect(mails.map((mail) => mail.key.split(":")[0]).sort()).toEqual(["assigned", "created", "resolved"]);
    expect(mails.find((mail) => mail.key.startsWith("resolved"))!.text).toContain("Le commutateur de la salle a été redémarré.");
  });

  test("409 on an illegal move, and nothing else of the request is kept", async () => {
    const ticket = await file();
    const response = await patchTicket(ticket.reference, techOuest, { assignee: "me", status: "closed" });
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe("Passage de « En cours » à « Clos » impossible.");
    const [row] = await database()
      .select({ assigneeId: tickets.assigneeId, status: tickets.status })
      .from(tickets)
      .where(eq(tickets.reference, ticket.reference));
    expect(row).toEqual({ assigneeId: null, status: "new" });
  });

  test("a ticket cannot be moved to another school's own queue", async () => {
    const ticket = await file();
    expect((await patchTicket(ticket.reference, techOuest, { team: "ETAB-0450029M" })).status).toBe(422);
    expect((await patchTicket(ticket.reference, techOuest, { team: "ETAB-0370037P" })).body.assignedTeam?.code).toBe("ETAB-0370037P");
  });

  test("staff e-mails never reach school staff, even when the school's own queue holds the ticket", async () => {
    const ticket = await file({ serviceCode: "IMPRESSION", categoryCode: "IMPR-CONSOMMABLE", fields: {} });
    expect(ticket.assignedTeam?.code).toBe("ETAB-0370037P");
    await escalate(ticket.reference, techOuest, { target: "expert", reason: "Raison interne à ne pas montrer" });
    const mails = await database()
      .select({ to: outboxEmails.toAddress, text: outboxEmails.textBody })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, ticket.reference));
    expect(mails.filter((mail) => mail.text.includes("Raison interne")).map((mail) => mail.to)).toEqual(["chef.ouest@guichet.test"]);
  });

  test("a message without a status change is refused rather than ignored", async () => {
    const ticket = await file();
    const response = await patchTicket(ticket.reference, techOuest, { message: "Bonjour" });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.field).toBe("message");
  });

  test("assign to a member of the holding team; someone outside it is refused", async () => {
    const ticket = await file();
    const [chef] = await database().select({ id: users.id }).from(users).where(eq(users.email, "chef.ouest@guichet.test"));
    const [est] = await database().select({ id: users.id }).from(users).where(eq(users.email, "tech.est@guichet.test"));
    expect((await patchTicket(ticket.reference, techOuest, { assignee: chef!.id })).body).toMatchObject({
      status: "assigned",
      assignee: { name: "Luc Girard (Chef de secteur Ouest)" },
    });
    expect((await patchTicket(ticket.reference, techOuest, { assignee: est!.id })).status).toBe(422);
  });

  test("re-qualification runs routing again: the ticket moves to the Académie's usage team", async () => {
    const ticket = await file();
    const preview = await previewRequalification(techOuestCaller, ticket.reference, {
      type: "request",
      serviceCode: "LOG-PEDA",
      categoryCode: "LOGPED-USAGE",
      urgency: "low",
    });
    expect(preview).toMatchObject({ ok: true, value: { decision: { teamCode: "EQ-E-CAN37" }, priority: "P3" } });
    const [unchanged] = await database().select({ type: tickets.type }).from(tickets).where(eq(tickets.reference, ticket.reference));
    expect(unchanged!.type).toBe("incident");
    const updated = await patchTicket(ticket.reference, techOuest, {
      type: "request",
      serviceCode: "LOG-PEDA",
      categoryCode: "LOGPED-USAGE",
      urgency: "low",
    });
    expect(updated.body).toMatchObject({
      type: "request",
      service: { code: "LOG-PEDA" },
      category: { code: "LOGPED-USAGE" },
      priority: "P3",
      assignedTeam: { code: "EQ-E-CAN37" },
    });
  });

  test("links inventoried equipment and drops the hors-inventaire flag", async () => {
    const ticket = await file({ serviceCode: "POSTE", categoryCode: "POSTE-PANNE", fields: {} });
    expect(ticket.flags).toEqual(["hors_inventaire"]);
    const [pc] = await database()
      .select({ id: configurationItems.id })
      .from(configurationItems)
      .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
      .where(and(eq(establishments.uai, "0370037P"), eq(configurationItems.class, "pc")))
      .limit(1);
    const linked = await patchTicket(ticket.reference, techOuest, { ciIds: [pc!.id] });
    expect(linked.body).toMatchObject({ flags: [], cis: [{ id: pc!.id }] });
  });

  test.each([
    ["a requester", () => choiseul, 403],
    ["another zone's technician", () => techEst, 404],
    ["a vendor agent not involved", () => scc, 404],
  ])("%s gets %d", async (_, token, status) => {
    const ticket = await file();
    expect((await patchTicket(ticket.reference, token(), { status: "in_progress" })).status).toBe(status);
  });

  test.each([[{}], [{ status: "ouvert" }], [{ assignee: "quelqu'un" }]])("400 for %o", async (body) => {
    const ticket = await file();
    expect((await patchTicket(ticket.reference, techOuest, body)).status).toBe(400);
  });
});

describe("POST /api/v1/tickets/{reference}/escalations", () => {
  test("to a vendor: waiting for the vendor, its reference kept, the vendor's agents see it", async () => {
    const ticket = await file();
    const escalated = await escalate(ticket.reference, techOuest, {
      target: "vendor",
      teamCode: "PREST-SCC",
      vendorReference: "SCC-48213",
      reason: "Carte réseau HS sous garantie",
    });
    expect(escalated.status).toBe(201);
    expect(escalated.body).toMatchObject({
      status: "waiting_vendor",
      vendor: { name: "SCC", reference: "SCC-48213" },
      assignedTeam: { code: "PROX-OUEST" },
    });
    // The vendor's queue lists what waits for it, though the Région's team holds the ticket.
    expect((await listQueue("PREST-SCC", scc)).body.items.map((item) => item.reference)).toContain(ticket.reference);
    const mails = await database()
      .select({ to: outboxEmails.toAddress, text: outboxEmails.textBody })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, ticket.reference));
    expect(mails.find((mail) => mail.to === "sav.scc@guichet.test")?.text).toContain("Carte réseau HS sous garantie");
    // What the vendor may do there, and may not: tests/integration/vendor-access.test.ts.
  });

  test("to a vendor from 'waiting for the requester': through 'in progress', both steps in the journal; not once resolved", async () => {
    const ticket = await file();
    expect((await patchTicket(ticket.reference, techOuest, { status: "waiting_requester", message: "Quelle salle ?" })).status).toBe(200);
    const escalated = await escalate(ticket.reference, techOuest, { target: "vendor", teamCode: "PREST-SCC", reason: "Sous garantie" });
    expect(escalated.status).toBe(201);
    expect(escalated.body.status).toBe("waiting_vendor");
    const steps = await database()
      .select({ data: ticketEvents.data })
      .from(ticketEvents)
      .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
      .where(and(eq(tickets.reference, ticket.reference), eq(ticketEvents.kind, "status_changed")))
      .orderBy(ticketEvents.id);
    expect(steps.map((step) => step.data.to)).toEqual(["waiting_requester", "in_progress", "waiting_vendor"]);

    expect((await patchTicket(ticket.reference, techOuest, { status: "resolved", message: "Réparé." })).status).toBe(200);
    const refused = await escalate(ticket.reference, techOuest, { target: "vendor", teamCode: "PREST-SCC", reason: "Encore" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("Un ticket « Résolu » ne peut plus être transmis à un prestataire.");
  });

  test("to the sector lead (expert without a team), who is mailed", async () => {
    const ticket = await file();
    const escalated = await escalate(ticket.reference, techOuest, { target: "expert", reason: "Panne récurrente : besoin d'un arbitrage" });
    expect(escalated.body.assignee).toEqual({ name: "Luc Girard (Chef de secteur Ouest)" });
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, ticket.reference));
    expect(
      mails
        .filter((mail) => mail.subject.includes("escaladé"))
        .map((mail) => mail.to)
        .sort(),
    ).toContain("chef.ouest@guichet.test");
  });

  test("re-routed to the Académie: the DSI team holds it and sees it", async () => {
    const ticket = await file();
    const escalated = await escalate(ticket.reference, techOuest, {
      target: "academy",
      teamCode: "EQ-E-EOLE",
      reason: "Relève du pare-feu AMON de l'Académie",
    });
    expect(escalated.body.assignedTeam).toEqual({ code: "EQ-E-EOLE", name: "Équipe DSI Eole", party: "academy" });
    expect((await listQueue("EQ-E-EOLE", dsi)).body.items.map((item) => item.reference)).toContain(ticket.reference);
  });

  test.each([
    ["no reason", { target: "vendor", teamCode: "PREST-SCC" }, 400],
    ["an unknown target", { target: "mairie", reason: "xxx" }, 400],
    ["a vendor that is a Région team", { target: "vendor", teamCode: "PROX-OUEST", reason: "xxx" }, 422],
    ["an Académie team as an expert", { target: "expert", teamCode: "EQ-E-EOLE", reason: "xxx" }, 422],
  ])("refuses %s", async (_, body, status) => {
    const ticket = await file();
    expect((await escalate(ticket.reference, techOuest, body)).status).toBe(status);
  });

  test("a requester is refused with 403", async () => {
    const ticket = await file();
    expect((await escalate(ticket.reference, choiseul, { target: "expert", reason: "Je veux un expert" })).status).toBe(403);
  });

  test("the escalation reason stays internal: the requester's journal has the status change, not the reason", async () => {
    const ticket = await file();
    await escalate(ticket.reference, techOuest, { target: "vendor", teamCode: "PREST-SCC", reason: "Diagnostic interne confidentiel" });
    const requester = await callerFor("csl.choiseul@guichet.test");
    const bodies = (await readTicket(requester, ticket.reference, new Date()))!.journal.map((event) => event.body ?? "");
    expect(bodies.join(" ")).not.toContain("Diagnostic interne confidentiel");
    expect(bodies.join(" ")).toContain("Transmise au prestataire SCC");
  });
});

describe("links, merges and bulk changes", () => {
  test("merging a duplicate closes it with a pointer; its requester follows the master and is told", async () => {
    const master = await file();
    const duplicate = await file({}, await tokenFor("proviseur.choiseul@guichet.test"));
    const admin = await callerFor("admin@guichet.test");
    expect((await mergeDuplicate(admin, duplicate.reference, master.reference, "Même coupure du réseau", new Date())).ok).toBe(true);
    const read = await readTicket(admin, duplicate.reference, new Date());
    expect(read!.ticket).toMatchObject({ status: "closed", mergedInto: { reference: master.reference } });
    const followers = await database()
      .select({ email: users.email })
      .from(ticketFollowers)
      .innerJoin(users, eq(users.id, ticketFollowers.userId))
      .innerJoin(tickets, eq(tickets.id, ticketFollowers.ticketId))
      .where(eq(tickets.reference, master.reference));
    expect(followers.map((row) => row.email)).toEqual(["proviseur.choiseul@guichet.test"]);
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, duplicate.reference));
    expect(mails.find((mail) => mail.subject.includes("rejoint"))?.to).toBe("proviseur.choiseul@guichet.test");
    // Later news of the master reaches the follower too.
    await patchTicket(master.reference, techOuest, { assignee: "me" });
    await patchTicket(master.reference, techOuest, { status: "resolved", message: "Lien rétabli." });
    const masterMails = await database()
      .select({ to: outboxEmails.toAddress, key: outboxEmails.idempotencyKey })
      .from(outboxEmails)
      .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
      .where(eq(tickets.reference, master.reference));
    expect(
      masterMails
        .filter((mail) => mail.key.startsWith("resolved"))
        .map((mail) => mail.to)
        .sort(),
    ).toEqual(["csl.choiseul@guichet.test", "proviseur.choiseul@guichet.test"]);
  });

  test("a duplicate of another school is not merged (its staff would get this school's news)", async () => {
    const master = await file();
    const foreign = await file({ establishmentUai: "0450029M", fields: { rooms: "CDI" } }, palissy);
    const admin = await callerFor("admin@guichet.test");
    expect(await mergeDuplicate(admin, foreign.reference, master.reference, "Même panne", new Date())).toMatchObject({
      ok: false,
      failure: { kind: "unprocessable" },
    });
    const [row] = await database().select({ status: tickets.status }).from(tickets).where(eq(tickets.reference, foreign.reference));
    expect(row!.status).toBe("new");
  });

  test("linking two tickets journals both", async () => {
    const [a, b] = [await file(), await file()];
    expect((await linkRelated(techOuestCaller, a.reference, b.reference, new Date())).ok).toBe(true);
    const events = await database()
      .select({ data: ticketEvents.data })
      .from(ticketEvents)
      .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
      .where(and(inArray(tickets.reference, [a.reference, b.reference]), eq(ticketEvents.kind, "linked")));
    expect(events.map((event) => event.data.related).sort()).toEqual([a.reference, b.reference].sort());
  });

  test("bulk assignment is all or nothing", async () => {
    const [a, b] = [await file(), await file()];
    const foreign = await file({ establishmentUai: "0450029M", fields: { rooms: "CDI" } }, palissy);
    const refused = await bulkUpdate(techOuestCaller, [a.reference, b.reference, foreign.reference], { assignee: "me" }, new Date());
    expect(refused).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    const assignees = async () =>
      (
        await database()
          .select({ assigneeId: tickets.assigneeId })
          .from(tickets)
          .where(inArray(tickets.reference, [a.reference, b.reference]))
      ).map((row) => row.assigneeId);
    expect(await assignees()).toEqual([null, null]);
    expect(await bulkUpdate(techOuestCaller, [a.reference, b.reference], { assignee: "me" }, new Date())).toEqual({
      ok: true,
      value: { count: 2 },
    });
    expect(await assignees()).toEqual([techOuestCaller.id, techOuestCaller.id]);
    expect(
      (
        await bulkUpdate(
          techOuestCaller,
          [a.reference, b.reference],
          { status: "waiting_requester", message: "Merci de préciser la salle." },
          new Date(),
        )
      ).ok,
    ).toBe(true);
  });
});

test("the sector lead's queue covers their zone", async () => {
  const ticket = await file();
  expect((await listQueue("PROX-OUEST", chefOuest, "?limit=100")).body.items.map((item) => item.reference)).toContain(ticket.reference);
});
