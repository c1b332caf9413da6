import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as atRiskQueue } from "@/app/api/v1/queues/at-risk/route";
import { GET as namedQueue } from "@/app/api/v1/queues/[queue]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { database } from "@/db/client";
import { categories, establishments, services, teams, ticketEvents, tickets, vendors, vendorWaits } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { TicketSummaryJson } from "@/lib/schemas/api-responses";
import { translateFieldErrors, translateText } from "@/i18n/text";
import { fieldErrors } from "@/lib/schemas/field-errors";
import type { ServiceFailure } from "@/lib/services/service-result";
import { addClosureSchema, ladderSchema, repairTimeSchema, weeklyHoursSchema } from "@/lib/schemas/sla-settings";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { queueCounts } from "@/lib/services/desk/queues";
import { readTicket } from "@/lib/services/tickets/read-ticket";
import { refreshSla } from "@/lib/services/sla/refresh-sla";
import { readSlaSummary } from "@/lib/services/sla/sla-summary";
import {
  addClosure,
  deleteClosure,
  resetTeamSetting,
  setTeamLadder,
  setTeamWeeklyHours,
  setVendorRepairTime,
} from "@/lib/services/sla/sla-settings";
import { readTicketSla } from "@/lib/services/sla/read-ticket-sla";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor, ok } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

type Page = { items: TicketSummaryJson[]; nextCursor: string | null };

let admin: Caller, choiseul: Caller, techOuest: Caller, chefOuest: Caller, chefService: Caller;

let dropOwnDatabase: (() => Promise<void>) | undefined;
afterAll(async () => dropOwnDatabase?.());

beforeAll(async () => {
  // Its fixtures (schools, accounts, tickets filed for other schools) must not reach the other files.
  dropOwnDatabase = await useOwnDatabase("slaviews");
  [admin, choiseul, techOuest, chefOuest, chefService] = await Promise.all([
    callerFor("admin@guichet.test"),
    callerFor("csl.choiseul@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
    callerFor("chef.ouest@guichet.test"),
    callerFor("chef.service@guichet.test"),
  ]);
});

/** Files a P2 network incident (10 business hours to resolve) at a school, as of `now`. */
async function file(caller: Caller, uai: string, now: Date, title = "Plus de réseau en salle B204") {
  const created = await ok(
    createTicket(
      caller,
      {
        type: "incident",
        serviceCode: "RESEAU",
        categoryCode: "RES-PANNE",
        establishmentUai: uai,
        title,
        description: "Aucun poste ne se connecte.",
        impact: "group",
        urgency: "high",
        fields: { rooms: "B204" },
        ciIds: [],
      },
      [],
      now,
    ),
  );
  const [row] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, created.reference));
  return { reference: created.reference, id: row!.id };
}

/** What the worker does when a ticket's alarm fires: recompute and store its state at `now`. */
async function refreshAt(ticketId: string, now: Date) {
  await database().transaction((tx) => refreshSla(tx, ticketId, now));
}

async function slaColumns(ticketId: string) {
  const [row] = await database()
    .select({ resolveBy: tickets.resolveBy, ownBy: tickets.ownBy, slaState: tickets.slaState })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row!;
}

const listAtRisk = (token: string | undefined, query = "") =>
  callRoute<Page & ProblemBody>(atRiskQueue, { path: `/queues/at-risk${query}`, token });

describe("the at-risk queue", () => {
  const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000);
  let ouest: { reference: string; id: string }, est: { reference: string; id: string }, fresh: { reference: string; id: string };

  beforeAll(async () => {
    ouest = await file(choiseul, "0370037P", fiveDaysAgo, "En retard à Choiseul");
    est = await file(admin, "0450051L", fiveDaysAgo, "En retard dans l'Est");
    fresh = await file(choiseul, "0370037P", new Date(), "Tout juste déposé");
    const now = new Date();
    for (const ticket of [ouest, est, fresh]) await refreshAt(ticket.id, now);
  });

  test("holds the caller's open tickets at risk or breached, not another zone's, not those within their deadlines", async () => {
    expect((await slaColumns(ouest.id)).slaState).toBe("breached");
    expect((await slaColumns(fresh.id)).slaState).toBe("ok");
    const response = await listAtRisk(await tokenFor("tech.ouest@guichet.test"), "?limit=100");
    expect(response.status).toBe(200);
    const references = response.body.items.map((item) => item.reference);
    expect(references).toContain(ouest.reference);
    expect(references).not.toContain(est.reference);
    expect(references).not.toContain(fresh.reference);
    for (const item of response.body.items) expect(["at_risk", "breached"]).toContain(item.sla?.state);
    // The soonest deadline to resolve first.
    const deadlines = response.body.items.map((item) => item.sla!.resolveBy);
    expect(deadlines).toEqual([...deadlines].sort());
    // The Est technician sees the Est ticket and not Choiseul's.
    const east = await listAtRisk(await tokenFor("tech.est@guichet.test"), "?limit=100");
    expect(east.body.items.map((item) => item.reference)).toContain(est.reference);
    expect(east.body.items.map((item) => item.reference)).not.toContain(ouest.reference);
  });

  test("pages with a keyset cursor, filters like the other queues, and its count matches the list", async () => {
    const token = await tokenFor("tech.ouest@guichet.test");
    const all = (await listAtRisk(token, "?limit=100")).body.items.map((item) => item.reference);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page & ProblemBody } = await listAtRisk(token, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((item) => item.reference));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await queueCounts(techOuest))!.atRisk).toBe(all.length);
    expect((await listAtRisk(token, "?priority=P4&limit=100")).body.items.map((item) => item.reference)).not.toContain(ouest.reference);
    expect((await listAtRisk(token, `?q=${ouest.reference}`)).body.items.map((item) => item.reference)).toEqual([ouest.reference]);
    // The named route answers the same for "at-risk".
    const named = await callRoute<Page, { queue: string }>(namedQueue, {
      path: "/queues/at-risk?limit=100",
      token,
      params: { queue: "at-risk" },
    });
    expect(named.body.items.map((item) => item.reference)).toEqual(all);
  });

  test("a team queue by deadline (sort=due_asc): dated first in order, undated last, and its pages walk across both", async () => {
    const token = await tokenFor("tech.ouest@guichet.test");
    // One open PROX-OUEST ticket without a deadline, beside the dated ones the refresh gave.
    const undated = await file(choiseul, "0370037P", new Date(), "Sans échéance");
    await database().update(tickets).set({ resolveBy: null }).where(eq(tickets.id, undated.id));
    const queue = (query: string) =>
      callRoute<Page, { queue: string }>(namedQueue, { path: `/queues/PROX-OUEST${query}`, token, params: { queue: "PROX-OUEST" } });
    const all = (await queue("?sort=due_asc&limit=100")).body.items;
    const deadlines = all.map((item) => item.sla?.resolveBy ?? null);
    const dated = deadlines.filter((deadline) => deadline !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(deadlines.filter((deadline) => deadline === null).length).toBeGreaterThan(0);
    expect(deadlines).toEqual([...dated.sort(), ...deadlines.filter((deadline) => deadline === null)]);
    expect(all.map((item) => item.reference)).toContain(undated.reference);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await queue(`?sort=due_asc&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((item) => item.reference));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.reference));
  });

  test("school staff get 403, no token 401, a bad filter 400", async () => {
    const school = await listAtRisk(await tokenFor("csl.choiseul@guichet.test"));
    expect(school.status).toBe(403);
    expect(school.headers.get("content-type")).toContain("application/problem+json");
    expect((await listAtRisk(undefined)).status).toBe(401);
    expect((await listAtRisk(await tokenFor("tech.ouest@guichet.test"), "?sort=soonest")).status).toBe(400);
  });

  test("the OpenAPI document describes it", async () => {
    const document = await callRoute<{ paths: Record<string, { get?: { summary: string } }> }>(async () => openApi(), {
      path: "/openapi.json",
    });
    expect(document.body.paths["/queues/at-risk"]?.get?.summary).toContain("À risque");
  });

  test("the ticket page's SLA view: both commitments, remaining business time, breached", async () => {
    const found = await readTicket(techOuest, ouest.reference, new Date());
    const view = await readTicketSla(found!.ticket.id, new Date());
    expect(view?.commitment?.state).toBe("breached");
    expect(view?.commitment?.ttr.state).toBe("breached");
    expect(view?.commitment?.ttr.remainingMinutes).toBeLessThan(0);
  });
});

describe("the per-team SLA summary", () => {
  const NOW = new Date("2031-03-20T12:00:00Z");
  const at = (iso: string) => new Date(iso);
  let teamId: string, vendorId: string;

  /** A ticket of the summary's own team, with the stored SLA columns the worker would have left. */
  async function fixture(uai: string, columns: Partial<typeof tickets.$inferInsert>) {
    const db = database();
    const [school] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
    const [service] = await db.select({ id: services.id }).from(services).where(eq(services.code, "RESEAU"));
    const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, "RES-PANNE"));
    const [row] = await db
      .insert(tickets)
      .values({
        reference: `GU-2031-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
        type: "incident",
        status: "in_progress",
        priority: "P2",
        impact: "group",
        urgency: "high",
        title: "Fixture",
        description: "Fixture",
        establishmentId: school!.id,
        requesterId: admin.id,
        serviceId: service!.id,
        categoryId: category!.id,
        assignedTeamId: teamId,
        createdAt: at("2031-01-01T08:00:00Z"),
        ...columns,
      })
      .returning({ id: tickets.id });
    return row!.id;
  }

  beforeAll(async () => {
    const db = database();
    [{ id: teamId }] = (await db
      .insert(teams)
      .values({ code: "TEST-SLA-SUMMARY", name: "Équipe du bilan", party: "region" })
      .returning({ id: teams.id })) as [{ id: string }];
    [{ id: vendorId }] = (await db
      .insert(vendors)
      .values({ name: "Prestataire d'essai", repairCommitment: { nextBusinessDay: true } })
      .returning({ id: vendors.id })) as [{ id: string }];
    // Period: 2031-02-18 12:00 → 2031-03-20 12:00.
    const t1 = await fixture("0370037P", {
      status: "closed",
      takenAt: at("2031-03-01T09:00:00Z"),
      resolvedAt: at("2031-03-02T09:00:00Z"),
      ownMet: true,
      resolveMet: true,
      slaState: "ok",
    });
    const t2 = await fixture("0370037P", {
      status: "resolved",
      takenAt: at("2031-03-05T09:00:00Z"),
      resolvedAt: at("2031-03-10T09:00:00Z"),
      ownMet: false,
      resolveMet: false,
      slaState: "ok",
      vendorId,
    });
    const t3 = await fixture("0370037P", { takenAt: at("2031-03-18T09:00:00Z"), ownMet: true, slaState: "at_risk" });
    const t4 = await fixture("0450051L", { status: "waiting_vendor", slaState: "breached", vendorId });
    await fixture("0370037P", {
      status: "closed",
      takenAt: at("2031-01-10T09:00:00Z"),
      resolvedAt: at("2031-01-12T09:00:00Z"),
      ownMet: true,
      resolveMet: true,
    });
    const t6 = await fixture("0370037P", {
      status: "closed",
      takenAt: at("2031-02-01T09:00:00Z"),
      resolvedAt: at("2031-02-20T09:00:00Z"),
      ownMet: true,
      resolveMet: true,
    });
    await fixture("0370037P", { status: "closed", resolvedAt: at("2031-03-03T09:00:00Z"), ownMet: null, resolveMet: null, slaState: null });
    await db.insert(ticketEvents).values([
      {
        ticketId: t4,
        kind: "escalated",
        visibility: "internal",
        data: { target: "sla", level: 1, role: "sector_lead" },
        idempotencyKey: "escalation-1",
        createdAt: at("2031-03-15T09:00:00Z"),
      },
      {
        ticketId: t1,
        kind: "escalated",
        visibility: "internal",
        data: { target: "sla", level: 1, role: "sector_lead" },
        idempotencyKey: "escalation-1",
        createdAt: at("2031-01-05T09:00:00Z"),
      },
      {
        ticketId: t3,
        kind: "escalated",
        visibility: "internal",
        data: { target: "vendor", targetLabel: "SCC" },
        createdAt: at("2031-03-16T09:00:00Z"),
      },
    ]);
    await db.insert(vendorWaits).values([
      { ticketId: t2, vendorId, since: at("2031-03-05T09:00:00Z"), dueAt: at("2031-03-06T16:30:00Z"), endedAt: at("2031-03-06T10:00:00Z") },
      { ticketId: t4, vendorId, since: at("2031-03-10T09:00:00Z"), dueAt: at("2031-03-11T16:30:00Z"), endedAt: null },
      { ticketId: t6, vendorId, since: at("2031-01-05T09:00:00Z"), dueAt: at("2031-01-06T16:30:00Z"), endedAt: at("2031-01-07T09:00:00Z") },
      { ticketId: t3, vendorId, since: at("2031-03-11T09:00:00Z"), dueAt: null, endedAt: at("2031-03-12T09:00:00Z") },
    ]);
  });

  test("figures over the last 30 days, counted by hand", async () => {
    const summary = (await readSlaSummary(chefService, NOW))!;
    expect(summary.since).toEqual(at("2031-02-18T12:00:00Z"));
    // To own: t1 (met), t2 (late), t3 (met); t6 was taken before the period, t5 long before. To resolve: t1, t2 (late), t6.
    expect(summary.teams.find((team) => team.code === "TEST-SLA-SUMMARY")).toEqual({
      teamId,
      code: "TEST-SLA-SUMMARY",
      name: "Équipe du bilan",
      ownMeasured: 3,
      ownMet: 2,
      resolveMeasured: 3,
      resolveMet: 2,
      openAtRisk: 1,
      openBreached: 1,
      escalations: 1,
    });
    // Waits: t2's ended on time, t4's fell due and runs late; t3's had no repair time; t6's is before the period.
    expect(summary.vendors.find((vendor) => vendor.name === "Prestataire d'essai")).toEqual({
      vendorId,
      name: "Prestataire d'essai",
      repairCommitment: { nextBusinessDay: true },
      measured: 2,
      onTime: 1,
      unmeasured: 1,
      lateNow: 1,
    });
  });

  test("a sector lead counts only the schools of their zone; technicians and schools have no summary", async () => {
    const summary = (await readSlaSummary(chefOuest, NOW))!;
    // t4 is at an Est school: its breach, escalation and late wait are not the Ouest lead's.
    expect(summary.teams.find((team) => team.code === "TEST-SLA-SUMMARY")).toMatchObject({
      ownMeasured: 3,
      resolveMeasured: 3,
      openAtRisk: 1,
      openBreached: 0,
      escalations: 0,
    });
    expect(summary.vendors.find((vendor) => vendor.name === "Prestataire d'essai")).toMatchObject({ measured: 1, onTime: 1, lateNow: 0 });
    // The lead's own team is listed even with nothing to show.
    expect(summary.teams.map((team) => team.code)).toContain("PROX-OUEST");
    expect(await readSlaSummary(techOuest, NOW)).toBeNull();
    expect(await readSlaSummary(choiseul, NOW)).toBeNull();
  });
});

describe("calendars, ladders and repair times", () => {
  /** Monday 2026-11-30 09:00 Paris: a P2 is due to be resolved on Tuesday at 09:00 (10 business hours). */
  const MONDAY_9 = new Date("2026-11-30T08:00:00Z");
  const LATER = new Date("2026-11-30T08:30:00Z");
  let ticket: { reference: string; id: string };

  beforeAll(async () => {
    await database().insert(teams).values({ code: "TEST-SLA-CAL", name: "Équipe au calendrier d'essai", party: "region" });
    ticket = await file(choiseul, "0370037P", MONDAY_9, "Calendrier d'essai");
    await ok(updateTicket(admin, ticket.reference, { team: "TEST-SLA-CAL" }, MONDAY_9));
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-01T08:00:00Z"));
  });

  /** What a form action does: parse with the form's schema, then let the service decide. */
  async function submit<Schema extends { safeParse: (input: unknown) => { success: boolean; data?: unknown; error?: unknown } }>(
    schema: Schema,
    fields: Record<string, string>,
    run: (input: never) => Promise<{ ok: boolean; failure?: unknown }>,
  ) {
    const parsed = schema.safeParse(fields);
    if (!parsed.success) return { errors: translateFieldErrors(fieldErrors(parsed.error as never)) };
    const result = await run(parsed.data as never);
    return result.ok ? { ok: true } : { failure: inFrench(result.failure as ServiceFailure) };
  }

  /** A refusal as the admin reads it (the form translates the service's keys). */
  function inFrench(failure: ServiceFailure) {
    if (failure.kind === "not_found") return failure;
    const errors = "errors" in failure && failure.errors ? { errors: translateFieldErrors(failure.errors) } : {};
    return { kind: failure.kind, message: translateText(failure.message, failure.values), ...errors };
  }

  test("a closure added moves an open ticket's deadline, and removing it moves it back", async () => {
    const added = await ok(
      addClosure(
        admin,
        { teamCode: "TEST-SLA-CAL", from: "2026-12-01", to: "2026-12-01", label: "Journée pédagogique" },
        LATER,
        auditActor({}, admin),
      ),
    );
    expect(added.recomputed).toBe(1);
    // Tuesday closed: the 10 business hours end on Wednesday at 09:00.
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-02T08:00:00Z"));
    await ok(deleteClosure(admin, { id: added.id }, LATER, auditActor({}, admin)));
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-01T08:00:00Z"));
  });

  test("another team's closure does not move it", async () => {
    const added = await ok(
      addClosure(
        admin,
        { teamCode: "PROX-EST", from: "2026-12-01", to: "2026-12-01", label: "Fermeture Est" },
        LATER,
        auditActor({}, admin),
      ),
    );
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-01T08:00:00Z"));
    await ok(deleteClosure(admin, { id: added.id }, LATER, auditActor({}, admin)));
  });

  test("weekly hours: a shorter day moves the deadline; back to the default moves it back", async () => {
    const fields: Record<string, string> = { teamCode: "TEST-SLA-CAL" };
    for (const day of [1, 2, 3, 4, 5])
      Object.assign(fields, { [`d${day}s1`]: "08:00", [`d${day}e1`]: "12:00", [`d${day}s2`]: "13:00", [`d${day}e2`]: "17:00" });
    expect(await submit(weeklyHoursSchema, fields, (input) => setTeamWeeklyHours(admin, input, LATER, auditActor({}, admin)))).toEqual({
      ok: true,
    });
    // Monday 09:00 (opened at 08:00 Paris) → 10 business hours of 8 a day: Monday 7 h, Tuesday 3 h → Tuesday 11:00 Paris.
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-01T10:00:00Z"));
    await ok(resetTeamSetting(admin, { teamCode: "TEST-SLA-CAL", what: "hours" }, LATER, auditActor({}, admin)));
    expect((await slaColumns(ticket.id)).resolveBy).toEqual(new Date("2026-12-01T08:00:00Z"));
    const [team] = await database().select({ weeklyHours: teams.weeklyHours }).from(teams).where(eq(teams.code, "TEST-SLA-CAL"));
    expect(team!.weeklyHours).toBeNull();
  });

  test("validation errors come back in French, field by field", async () => {
    expect(
      await submit(addClosureSchema, { teamCode: "", from: "2026-12-10", to: "2026-12-01", label: "" }, () =>
        Promise.resolve({ ok: true }),
      ),
    ).toEqual({
      errors: [
        { field: "label", message: "Libellé obligatoire (par exemple « Vacances de printemps »)." },
        { field: "to", message: "La fin doit être le même jour que le début ou après." },
      ],
    });
    expect(
      await submit(addClosureSchema, { teamCode: "NOPE", from: "2026-12-01", to: "2026-12-02", label: "Pont" }, (input) =>
        addClosure(admin, input, LATER, auditActor({}, admin)),
      ),
    ).toEqual({
      failure: { kind: "invalid", message: "Vérifiez les champs signalés.", errors: [{ field: "teamCode", message: "Équipe inconnue." }] },
    });
    expect(
      await submit(
        weeklyHoursSchema,
        { teamCode: "TEST-SLA-CAL", d1s1: "12:00", d1e1: "08:00", d2s1: "08:00", d2e1: "12:00", d2s2: "11:00", d2e2: "17:00" },
        () => Promise.resolve({ ok: true }),
      ),
    ).toEqual({
      errors: [
        { field: "d1", message: "Lundi : la fin (08:00) doit venir après le début (12:00)." },
        { field: "d2", message: "Mardi : les deux plages se chevauchent." },
      ],
    });
    expect(
      await submit(
        ladderSchema,
        { teamCode: "TEST-SLA-CAL", role1: "service_lead", percent1: "150", role2: "sector_lead", percent2: "100" },
        () => Promise.resolve({ ok: true }),
      ),
    ).toEqual({
      errors: [{ field: "percent2", message: "Le niveau 2 ne peut pas venir avant le niveau 1 : pourcentage au moins égal à 150 %." }],
    });
    expect(
      await submit(repairTimeSchema, { vendorId: "6f1c1c1e-7c55-4d38-9a0c-4f0f6b1f2a11", mode: "hours", hours: "0" }, () =>
        Promise.resolve({ ok: true }),
      ),
    ).toEqual({ errors: [{ field: "hours", message: "Nombre d'heures ouvrées attendu : un entier de 1 à 300." }] });
    // Only admins: a sector lead is refused, whatever the form.
    expect(
      await submit(addClosureSchema, { teamCode: "", from: "2026-12-01", to: "2026-12-02", label: "Pont" }, (input) =>
        addClosure(chefOuest, input, LATER, auditActor({}, chefOuest)),
      ),
    ).toEqual({ failure: { kind: "forbidden", message: expect.stringContaining("Seuls les administrateurs") } });
  });

  test("a ladder is stored as levels and reset to the default", async () => {
    expect(
      await submit(
        ladderSchema,
        { teamCode: "TEST-SLA-CAL", role1: "sector_lead", percent1: "80", role2: "admin", percent2: "200" },
        (input) => setTeamLadder(admin, input, LATER, auditActor({}, admin)),
      ),
    ).toEqual({ ok: true });
    const [team] = await database().select({ levels: teams.escalationLevels }).from(teams).where(eq(teams.code, "TEST-SLA-CAL"));
    expect(team!.levels).toEqual([
      { level: 1, role: "sector_lead", afterPercentOfResolve: 80 },
      { level: 2, role: "admin", afterPercentOfResolve: 200 },
    ]);
    await ok(resetTeamSetting(admin, { teamCode: "TEST-SLA-CAL", what: "ladder" }, LATER, auditActor({}, admin)));
    const [reset] = await database().select({ levels: teams.escalationLevels }).from(teams).where(eq(teams.code, "TEST-SLA-CAL"));
    expect(reset!.levels).toBeNull();
  });

  test("a vendor's new repair time applies to the wait under way", async () => {
    const [vendor] = await database()
      .insert(vendors)
      .values({ name: "Prestataire à délai", repairCommitment: null })
      .returning({ id: vendors.id });
    const since = new Date("2026-11-30T09:00:00Z"); // Monday 10:00 Paris
    await database().update(tickets).set({ vendorId: vendor!.id }).where(eq(tickets.id, ticket.id));
    await database().insert(vendorWaits).values({ ticketId: ticket.id, vendorId: vendor!.id, since, dueAt: null, endedAt: null });
    await ok(setVendorRepairTime(admin, { vendorId: vendor!.id, commitment: { businessMinutes: 8 * 60 } }, LATER, auditActor({}, admin)));
    const [wait] = await database()
      .select({ dueAt: vendorWaits.dueAt })
      .from(vendorWaits)
      .where(and(eq(vendorWaits.ticketId, ticket.id), eq(vendorWaits.since, since)));
    // 8 business hours from Monday 10:00: Monday 7 h 30, Tuesday 30 min → Tuesday 08:00 Paris.
    expect(wait!.dueAt).toEqual(new Date("2026-12-01T07:00:00Z"));
    await database().update(tickets).set({ vendorId: null }).where(eq(tickets.id, ticket.id));
    await database().delete(vendorWaits).where(eq(vendorWaits.ticketId, ticket.id));
  });
});
