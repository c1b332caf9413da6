import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getReferents, PUT as putReferents } from "@/app/api/v1/establishments/[uai]/referents/route";
import { GET as getPlanning } from "@/app/api/v1/technicians/[id]/planning/route";
import { database } from "@/db/client";
import {
  auditEvents,
  establishmentReferents,
  establishments,
  outboxEmails,
  teamMembers,
  teams,
  technicianAbsences,
  ticketEvents,
  tickets,
  ticketVisits,
  users,
} from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { addAbsence, setScheduleSlot, setVisitException } from "@/lib/services/planning/edit-planning";
import { readTechnicianWeek } from "@/lib/services/planning/technician-planning";
import { planVisit, visitProposals } from "@/lib/services/planning/ticket-visits";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

let drop: () => Promise<void>;
let tokens: Record<"admin" | "lead" | "csl" | "cslPalissy" | "tech" | "techEst", string>;
let lead: Caller, csl: Caller, tech: Caller;
let second: string;

const idOf = async (email: string) => (await database().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

beforeAll(async () => {
  drop = await useOwnDatabase("referents");
  const [admin, leadToken, cslToken, cslPalissy, techToken, techEst] = await Promise.all([
    tokenFor("admin@guichet.test"),
    tokenFor("chef.ouest@guichet.test"),
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("csl.palissy@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"),
  ]);
  tokens = { admin, lead: leadToken, csl: cslToken, cslPalissy, tech: techToken, techEst };
  [lead, csl, tech] = await Promise.all([
    callerFor("chef.ouest@guichet.test"),
    callerFor("csl.choiseul@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
  ]);
  // A second technician of the Ouest proximity team, to be the referent while tech.ouest is the backup.
  const [person] = await database()
    .insert(users)
    .values({ email: "tech2.ouest@guichet.test", name: "Inès Garnier (Technicienne Ouest)", role: "technician" })
    .returning({ id: users.id });
  second = person!.id;
  const [prox] = await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "PROX-OUEST"));
  await database().insert(teamMembers).values({ userId: second, teamId: prox!.id, isPrimary: true });
});
afterAll(() => drop());

type Referents = { uai: string; referent: { id: string; name: string } | null; backup: { id: string; name: string } | null } & ProblemBody;
const put = (token: string, uai: string, body: unknown) =>
  callRoute<Referents, { uai: string }>(putReferents, {
    path: `/establishments/${uai}/referents`,
    token,
    body,
    method: "PUT",
    params: { uai },
  });
const get = (token: string, uai: string) =>
  callRoute<Referents, { uai: string }>(getReferents, { path: `/establishments/${uai}/referents`, token, params: { uai } });
const referentRow = async (uai: string) =>
  (
    await database()
      .select({ referentId: establishmentReferents.referentId, backupId: establishmentReferents.backupId })
      .from(establishmentReferents)
      .innerJoin(establishments, eq(establishments.id, establishmentReferents.establishmentId))
      .where(eq(establishments.uai, uai))
  )[0] ?? null;
const auditCount = async (action: string) =>
  (await database().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, action))).length;

async function fileAtChoiseul(now = new Date()) {
  const created = await createTicket(
    csl,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title: "Écran noir en B204",
      description: "Le poste 3 ne démarre plus.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    [],
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  const [row] = await database()
    .select({ id: tickets.id, assigneeId: tickets.assigneeId, team: teams.code })
    .from(tickets)
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .where(eq(tickets.reference, created.value.reference));
  return { reference: created.value.reference, ...row! };
}

describe("a school's referents", () => {
  test("the referents are read by the school and by staff, not by another school", async () => {
    const none = await get(tokens.csl, "0370037P");
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ uai: "0370037P", referent: null, backup: null });
    const seeded = await get(tokens.techEst, "0371099U");
    expect(seeded.body).toMatchObject({
      uai: "0371099U",
      referent: { id: tech.id, name: "Thomas Leroy (Technicien Ouest)" },
      backup: null,
    });
    expect((await get(tokens.cslPalissy, "0370037P")).status).toBe(404);
  });

  test("the zone's sector lead sets the referent and backup; audited", async () => {
    const before = await auditCount("establishment.referents_set");
    const set = await put(tokens.lead, "0370037P", { referent: second, backup: tech.id });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ referent: { id: second, name: "Inès Garnier (Technicienne Ouest)" }, backup: { id: tech.id } });
    expect(await referentRow("0370037P")).toEqual({ referentId: second, backupId: tech.id });
    expect(await auditCount("establishment.referents_set")).toBe(before + 1);
  });

  test("refusals: another zone's lead 404, school staff and technicians 403, outside technicians 422, malformed 400; nothing written", async () => {
    const before = await auditCount("establishment.referents_set");
    const palissy = await referentRow("0450029M");
    expect((await put(tokens.lead, "0450029M", { referent: second })).status).toBe(404);
    expect((await put(tokens.csl, "0370037P", { referent: tech.id })).status).toBe(403);
    expect((await put(tokens.tech, "0370037P", { referent: tech.id })).status).toBe(403);
    const outsider = await put(tokens.lead, "0370037P", { referent: await idOf("tech.est@guichet.test") });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors).toEqual([
      { field: "referent", message: "Choisissez un technicien actif d'une équipe de la zone de l'établissement." },
    ]);
    const requester = await put(tokens.admin, "0370037P", { referent: second, backup: csl.id });
    expect(requester.status).toBe(422);
    expect(requester.body.errors).toEqual([
      { field: "backup", message: "Choisissez un technicien actif d'une équipe de la zone de l'établissement." },
    ]);
    const same = await put(tokens.lead, "0370037P", { referent: second, backup: second });
    expect(same.status).toBe(422);
    expect(same.body.errors?.[0]?.field).toBe("backup");
    expect((await put(tokens.lead, "0370037P", { backup: second })).status).toBe(400);
    expect((await put(tokens.lead, "9999999Z", { referent: second })).status).toBe(404);
    expect(await referentRow("0370037P")).toEqual({ referentId: second, backupId: tech.id });
    expect(await referentRow("0450029M")).toEqual(palissy);
    expect(await auditCount("establishment.referents_set")).toBe(before);
  });
});

describe("routing to the referent", () => {
  test("a proximity ticket goes to the referent, to the backup while the referent is away, else stays with the team", async () => {
    const present = await fileAtChoiseul();
    expect(present).toMatchObject({ assigneeId: second, team: "PROX-OUEST" });
    const [journal] = await database()
      .select({ data: ticketEvents.data })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, present.id), eq(ticketEvents.kind, "assignment_changed")));
    expect(journal!.data).toMatchObject({ team: { code: "PROX-OUEST" }, assignee: { id: second } });

    const today = parisDay(new Date());
    const away = await addAbsence(lead, { technicianId: second, startsOn: today, endsOn: today, note: null }, new Date(), SYSTEM_ACTOR);
    expect(away.ok).toBe(true);
    expect(await fileAtChoiseul()).toMatchObject({ assigneeId: tech.id, team: "PROX-OUEST" });

    await addAbsence(tech, { technicianId: tech.id, startsOn: today, endsOn: today, note: null }, new Date(), SYSTEM_ACTOR);
    expect(await fileAtChoiseul()).toMatchObject({ assigneeId: null, team: "PROX-OUEST" });
    await database().delete(technicianAbsences);
  });

  test("absences are entered by the technician or the zone's lead only, ending on or after their start", async () => {
    const techEst = await callerFor("tech.est@guichet.test");
    const refused = await addAbsence(
      techEst,
      { technicianId: tech.id, startsOn: "2026-12-14", endsOn: "2026-12-15", note: null },
      new Date(),
      SYSTEM_ACTOR,
    );
    expect(refused).toEqual({ ok: false, failure: { kind: "not_found" } });
    const school = await addAbsence(
      csl,
      { technicianId: tech.id, startsOn: "2026-12-14", endsOn: "2026-12-15", note: null },
      new Date(),
      SYSTEM_ACTOR,
    );
    expect(school.ok ? null : school.failure.kind).toBe("forbidden");
    expect(await database().select().from(technicianAbsences)).toEqual([]);
  });
});

describe("planned visits", () => {
  // Friday 4 December 2026, 16:00 in Paris.
  const FRIDAY = new Date("2026-12-04T15:00:00Z");
  let reference: string;

  test("the desk is offered the school's next visits from the default week", async () => {
    ({ reference } = await fileAtChoiseul(FRIDAY));
    const offered = await visitProposals(tech, reference, FRIDAY);
    expect(offered!.planned).toBeNull();
    expect(offered!.proposals.slice(0, 4).map((slot) => `${slot.onDate} ${slot.halfDay} ${slot.technician.name}`)).toEqual([
      "2026-12-08 am Thomas Leroy (Technicien Ouest)",
      "2026-12-10 pm Thomas Leroy (Technicien Ouest)",
      "2026-12-15 am Thomas Leroy (Technicien Ouest)",
      "2026-12-17 pm Thomas Leroy (Technicien Ouest)",
    ]);
    expect(await visitProposals(csl, reference, FRIDAY)).toBeNull();
  });

  test("planning a visit journals it, mails the requester once per version, and is audited", async () => {
    const planned = await planVisit(tech, { reference, onDate: "2026-12-08", halfDay: "am", technicianId: tech.id }, FRIDAY, SYSTEM_ACTOR);
    expect(planned.ok).toBe(true);
    const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
    expect(
      await database()
        .select({ onDate: ticketVisits.onDate, halfDay: ticketVisits.halfDay, technicianId: ticketVisits.technicianId })
        .from(ticketVisits)
        .where(eq(ticketVisits.ticketId, ticket!.id)),
    ).toEqual([{ onDate: "2026-12-08", halfDay: "am", technicianId: tech.id }]);
    const mails = async () =>
      database()
        .select({
          subject: outboxEmails.subject,
          text: outboxEmails.textBody,
          key: outboxEmails.idempotencyKey,
          to: outboxEmails.toAddress,
        })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.ticketId, ticket!.id)));
    const first = (await mails()).filter((mail) => mail.key.startsWith("visit_planned:"));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ to: "csl.choiseul@guichet.test", subject: `[${reference}] Intervention prévue` });
    expect(first[0]!.text).toContain("Une intervention sur place est prévue le mardi 8 décembre, matin");

    // The same slot again changes nothing; another slot is a new version, mailed once more.
    await planVisit(tech, { reference, onDate: "2026-12-08", halfDay: "am", technicianId: tech.id }, FRIDAY, SYSTEM_ACTOR);
    expect((await mails()).filter((mail) => mail.key.startsWith("visit_planned:"))).toHaveLength(1);
    const moved = await planVisit(lead, { reference, onDate: "2026-12-10", halfDay: "pm", technicianId: null }, FRIDAY, SYSTEM_ACTOR);
    expect(moved.ok && moved.value).toMatchObject({ onDate: "2026-12-10", halfDay: "pm", technician: { id: lead.id } });
    const after = (await mails()).filter((mail) => mail.key.startsWith("visit_planned:"));
    expect(after).toHaveLength(2);
    expect(after.map((mail) => mail.subject)).toContain(`[${reference}] Intervention déplacée`);
    const audits = await database()
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "ticket.visit_planned"), eq(auditEvents.objectId, ticket!.id)));
    expect(audits).toHaveLength(2);
  });

  test("refusals: a half-day over, a closed day, an absent technician, school staff; nothing written", async () => {
    const attempt = (caller: Caller, onDate: string, halfDay: "am" | "pm") =>
      planVisit(caller, { reference, onDate, halfDay, technicianId: tech.id }, FRIDAY, SYSTEM_ACTOR);
    const fieldOf = (result: Awaited<ReturnType<typeof attempt>>) =>
      result.ok ? null : result.failure.kind === "unprocessable" ? result.failure.errors?.[0]?.message : result.failure.kind;
    expect(fieldOf(await attempt(tech, "2026-12-04", "am"))).toBe("planning.errors.slotPast");
    expect(fieldOf(await attempt(tech, "2026-12-05", "am"))).toBe("planning.errors.slotClosed");
    expect(fieldOf(await attempt(tech, "2026-12-25", "am"))).toBe("planning.errors.slotClosed");
    await addAbsence(tech, { technicianId: tech.id, startsOn: "2026-12-14", endsOn: "2026-12-18", note: null }, FRIDAY, SYSTEM_ACTOR);
    expect(fieldOf(await attempt(tech, "2026-12-15", "am"))).toBe("planning.errors.technicianAbsent");
    expect(fieldOf(await attempt(csl, "2026-12-08", "am"))).toBe("forbidden");
    const [visit] = await database()
      .select({ onDate: ticketVisits.onDate })
      .from(ticketVisits)
      .innerJoin(tickets, eq(tickets.id, ticketVisits.ticketId))
      .where(eq(tickets.reference, reference));
    expect(visit).toEqual({ onDate: "2026-12-10" });
  });
});

describe("GET /technicians/{id}/planning", () => {
  type Week = {
    week: string;
    technician: { id: string };
    days: Array<{
      date: string;
      absent: boolean;
      halfDays: Array<{ halfDay: string; school: { uai: string } | null; tickets: Array<{ reference: string }> }>;
    }>;
  } & ProblemBody;
  const week = (token: string, id: string, query: string) =>
    callRoute<Week, { id: string }>(getPlanning, { path: `/technicians/${id}/planning${query}`, token, params: { id } });

  test("the technician reads their week: default visits, absences and the tickets planned in each visit", async () => {
    const own = await week(tokens.tech, tech.id, "?week=2026-W51");
    expect(own.status).toBe(200);
    expect(own.body.days.map((day) => day.date)).toEqual(["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"]);
    expect(own.body.days.every((day) => day.absent)).toBe(true);
    const w50 = await week(tokens.tech, tech.id, "?week=2026-W50");
    const tuesday = w50.body.days[1]!.halfDays;
    expect(tuesday[0]).toMatchObject({ halfDay: "am", school: { uai: "0370037P" } });
    // The visit was moved to the sector lead's Thursday afternoon: it is in their planning, not this one.
    expect(w50.body.days.flatMap((day) => day.halfDays.flatMap((half) => half.tickets))).toEqual([]);
    const [planned] = await database()
      .select({ reference: tickets.reference })
      .from(ticketVisits)
      .innerJoin(tickets, eq(tickets.id, ticketVisits.ticketId));
    const leadWeek = await week(tokens.lead, lead.id, "?week=2026-W50");
    expect(leadWeek.body.days[3]!.halfDays[1]!.tickets.map((ticket) => ticket.reference)).toEqual([planned!.reference]);
  });

  test("the zone's lead and an admin read it; another technician 404, school staff 403, a malformed week 400", async () => {
    expect((await week(tokens.lead, tech.id, "?week=2026-W50")).status).toBe(200);
    expect((await week(tokens.admin, tech.id, "?week=2026-W50")).status).toBe(200);
    expect((await week(tokens.techEst, tech.id, "?week=2026-W50")).status).toBe(404);
    expect((await week(tokens.csl, tech.id, "?week=2026-W50")).status).toBe(403);
    for (const query of ["?week=2026-50", "?week=2026-W54", "", "?week=2027-W53"]) {
      const bad = await week(tokens.tech, tech.id, query);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: "week", message: "Semaine attendue au format ISO, par exemple 2026-W50." }]);
    }
    expect((await week(tokens.tech, "not-a-uuid", "?week=2026-W50")).status).toBe(404);
  });
});

describe("default weeks and exceptions", () => {
  test("the technician edits their default week and a date's visit; the week shows it; another zone's technician and school staff cannot", async () => {
    const before = await auditCount("planning.schedule_changed");
    expect((await setScheduleSlot(tech, { technicianId: tech.id, weekday: 3, halfDay: "pm", uai: "0370037P" }, SYSTEM_ACTOR)).ok).toBe(
      true,
    );
    expect(
      (await setVisitException(lead, { technicianId: tech.id, onDate: "2026-12-08", halfDay: "am", uai: null }, new Date(), SYSTEM_ACTOR))
        .ok,
    ).toBe(true);
    const read = await readTechnicianWeek(tech, tech.id, "2026-W50");
    const days = read.ok ? read.value.days : [];
    expect(days[1]!.halfDays[0]).toMatchObject({ halfDay: "am", school: null });
    expect(days[2]!.halfDays[1]).toMatchObject({ halfDay: "pm", school: { uai: "0370037P" } });
    expect(await auditCount("planning.schedule_changed")).toBe(before + 1);

    const unknown = await setScheduleSlot(tech, { technicianId: tech.id, weekday: 3, halfDay: "pm", uai: "0370038Z" }, SYSTEM_ACTOR);
    expect(unknown.ok ? null : unknown.failure).toMatchObject({
      kind: "invalid",
      errors: [{ field: "uai", message: "planning.errors.unknownSchool" }],
    });
    const techEst = await callerFor("tech.est@guichet.test");
    expect(await setScheduleSlot(techEst, { technicianId: tech.id, weekday: 3, halfDay: "pm", uai: null }, SYSTEM_ACTOR)).toEqual({
      ok: false,
      failure: { kind: "not_found" },
    });
    const school = await setVisitException(
      csl,
      { technicianId: tech.id, onDate: "2026-12-09", halfDay: "am", uai: null },
      new Date(),
      SYSTEM_ACTOR,
    );
    expect(school.ok ? null : school.failure.kind).toBe("forbidden");
    // Freeing the half-day removes it from the default week.
    expect((await setScheduleSlot(tech, { technicianId: tech.id, weekday: 3, halfDay: "pm", uai: null }, SYSTEM_ACTOR)).ok).toBe(true);
    const after = await readTechnicianWeek(tech, tech.id, "2026-W50");
    expect(after.ok && after.value.days[2]!.halfDays[1]!.school).toBeNull();
  });
});
