import { Queue, type Job } from "bullmq";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { establishments, interventions, outboxEmails, ticketVisits, tickets, userEstablishments, users, visitSchedule } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { JOBS } from "@/lib/queue/jobs";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readWeeklyReport } from "@/lib/services/weekly-report/read-weekly-report";
import { sendWeeklyReports } from "@/lib/services/weekly-report/send-weekly-reports";
import { sendWeeklyReports as sendWeeklyReportsJob } from "@/workers/processors/send-weekly-reports";
import { startWorkers } from "@/workers/start";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

/**
 * The weekly report of a hand-computed week: 2027-W10, Monday 8 to Sunday 14 March 2027 (Paris, UTC+1).
 * Choiseul (0370037P, zone Ouest): T1 opened Monday, T2 opened the week before and resolved Wednesday,
 * T3 opened Tuesday and waiting for the school; an on-site intervention of 90 min (+25 min travel) on T2 and a
 * remote one of 15 min on T1; next week, Thomas comes Tuesday morning (default week) with T1 planned.
 * Palissy (0450029M) has a head but a quiet week.
 */
const FRIDAY_16 = { weekday: 5, time: "16:00" } as const;
const SLOT = new Date("2027-03-12T15:00:00Z");

let drop: () => Promise<void>;
let csl: Caller, head: Caller, palissyHead: Caller, chefOuest: Caller, tech: Caller, admin: Caller;
const refs: Record<"t1" | "t2" | "t3", string> = { t1: "", t2: "", t3: "" };

async function file(title: string, at: string): Promise<string> {
  const created = await createTicket(
    csl,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title,
      description: "Le poste ne démarre plus.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    [],
    new Date(at),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return created.value.reference;
}

const ticketId = async (reference: string) =>
  (await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference)))[0]!.id;
const weeklyRows = () => database().select().from(outboxEmails).where(like(outboxEmails.idempotencyKey, "weekly-report:%"));

beforeAll(async () => {
  drop = await useOwnDatabase("weekly");
  const db = database();
  [csl, head, chefOuest, tech, admin] = (await Promise.all(
    [
      "csl.choiseul@guichet.test",
      "proviseur.choiseul@guichet.test",
      "chef.ouest@guichet.test",
      "tech.ouest@guichet.test",
      "admin@guichet.test",
    ].map(callerFor),
  )) as [Caller, Caller, Caller, Caller, Caller];
  const [palissy] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0450029M"));
  const [user] = await db
    .insert(users)
    .values({ email: "proviseur.palissy@guichet.test", name: "Proviseure Palissy", role: "manager", functionCode: "chef_etablissement" })
    .returning({ id: users.id });
  await db.insert(userEstablishments).values({ userId: user!.id, establishmentId: palissy!.id });
  palissyHead = (await loadCaller(user!.id))!;

  refs.t2 = await file("Imprimante B12", "2027-03-01T09:00:00Z");
  refs.t1 = await file("Poste du CDI", "2027-03-08T08:00:00Z");
  refs.t3 = await file("Vidéoprojecteur A3", "2027-03-09T13:00:00Z");
  await db
    .update(tickets)
    .set({ status: "resolved", resolvedAt: new Date("2027-03-10T10:00:00Z") })
    .where(eq(tickets.reference, refs.t2));
  await db.update(tickets).set({ status: "waiting_requester" }).where(eq(tickets.reference, refs.t3));
  const [choiseul] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
  await db.insert(interventions).values([
    {
      ticketId: await ticketId(refs.t2),
      establishmentId: choiseul!.id,
      authorId: tech.id,
      mode: "on_site",
      startedAt: new Date("2027-03-10T08:00:00Z"),
      minutes: 90,
      travelMinutes: 25,
      summary: "Bloc de fusion remplacé",
      details: "Réf. interne 42",
    },
    {
      ticketId: await ticketId(refs.t1),
      establishmentId: choiseul!.id,
      authorId: tech.id,
      mode: "remote",
      startedAt: new Date("2027-03-09T09:00:00Z"),
      minutes: 15,
      summary: "Diagnostic à distance",
    },
  ]);
  // The demo seed gives tech.ouest a default week: this week is the test's own.
  await db.delete(visitSchedule).where(eq(visitSchedule.technicianId, tech.id));
  await db.insert(visitSchedule).values({ technicianId: tech.id, weekday: 2, halfDay: "am", establishmentId: choiseul!.id });
  await db.insert(ticketVisits).values({ ticketId: await ticketId(refs.t1), technicianId: tech.id, onDate: "2027-03-16", halfDay: "am" });
});
afterAll(() => drop());

describe("the report of a hand-computed week", () => {
  test("the page's report counts the week's tickets, interventions, waits and next week's visit", async () => {
    const report = await readWeeklyReport(head, "0370037P", "2027-W10");
    if (!report.ok) throw new Error(JSON.stringify(report.failure));
    expect(report.value.opened.map((ticket) => ticket.reference)).toEqual([refs.t1, refs.t3]);
    expect(report.value.resolved.map((ticket) => ticket.reference)).toEqual([refs.t2]);
    expect(report.value.waiting.map((ticket) => ticket.reference)).toEqual([refs.t3]);
    expect(report.value.time).toEqual({ interventions: 2, onSite: 1, minutes: 105, travelMinutes: 25 });
    expect(report.value.nextWeek).toEqual([
      {
        onDate: "2027-03-16",
        halfDay: "am",
        technicianName: "Thomas Leroy (Technicien Ouest)",
        tickets: [{ reference: refs.t1, title: "Poste du CDI" }],
      },
    ]);
    expect(report.value.active).toBe(true);
    // The week before holds only T2's filing; the staff details never reach the report.
    const before = await readWeeklyReport(head, "0370037P", "2027-W09");
    expect(before.ok && before.value.opened.map((ticket) => ticket.reference)).toEqual([refs.t2]);
    expect(JSON.stringify(report.value)).not.toContain("Réf. interne");
  });

  test.each([
    ["the school's head", () => head, "2027-W10", "ok"],
    ["the zone's sector lead", () => chefOuest, "2027-W10", "ok"],
    ["an admin", () => admin, "2027-W10", "ok"],
    ["another school's head", () => palissyHead, "2027-W10", "not_found"],
    ["a technician (no dashboards)", () => tech, "2027-W10", "forbidden"],
    ["the head, a week that does not exist", () => head, "2027-W54", "not_found"],
    ["the head, not a week", () => head, "mars", "not_found"],
  ] as const)("%s reading %s: %s", async (_label, who, week, outcome) => {
    const report = await readWeeklyReport(who(), "0370037P", week);
    expect(report.ok ? "ok" : report.failure.kind).toBe(outcome);
  });
});

describe("the Friday mail", () => {
  test("nothing before the slot", async () => {
    expect(await sendWeeklyReports(new Date(SLOT.getTime() - 60_000), FRIDAY_16)).toEqual({ week: null, emails: 0 });
    expect(await weeklyRows()).toEqual([]);
  });

  test("at the slot: the head gets the school's report, the zone's lead one mail; the quiet school nothing", async () => {
    expect(await sendWeeklyReports(SLOT, FRIDAY_16)).toEqual({ week: "2027-W10", emails: 2 });
    const rows = await weeklyRows();
    expect(rows.map((row) => row.toAddress).sort()).toEqual(["chef.ouest@guichet.test", "proviseur.choiseul@guichet.test"]);
    const toHead = rows.find((row) => row.toAddress === "proviseur.choiseul@guichet.test")!;
    expect(toHead.subject).toBe("Compte-rendu d'activité de la semaine 2027-W10 : Lycée Choiseul");
    expect(toHead.textBody).toContain("Voici le compte-rendu d'activité de la semaine du 8 mars 2027 au 14 mars 2027 pour Lycée Choiseul.");
    for (const line of [
      "Tickets ouverts (2)",
      `– ${refs.t1} : Poste du CDI`,
      "Tickets résolus (1)",
      `– ${refs.t2} : Imprimante B12`,
      "Interventions (2)",
      "Temps passé : 1 h 45 min, dont 1 intervention(s) sur place ; déplacements : 25 min.",
      "sur place, 1 h 30 min",
      "Bloc de fusion remplacé",
      "En attente de votre réponse (1)",
      `– ${refs.t3} : Vidéoprojecteur A3`,
      `– mardi 16 mars, matin : passage de Thomas Leroy (Technicien Ouest) pour ${refs.t1}`,
      "http://localhost:3000/tableaux-de-bord/etablissements/0370037P/semaine/2027-W10",
    ])
      expect(toHead.textBody).toContain(line);
    expect(toHead.textBody).not.toContain("Réf. interne");
    const toLead = rows.find((row) => row.toAddress === "chef.ouest@guichet.test")!;
    expect(toLead.subject).toBe("Compte-rendu d'activité de la semaine 2027-W10 : zone Zone Ouest");
    expect(toLead.textBody).toContain("■ Lycée Choiseul (0370037P)");
    expect(toLead.textBody).not.toContain("0450029M");
    expect(rows.some((row) => row.recipientId === palissyHead.id)).toBe(false);
  });

  test("sent once: the job run again (the worker's clock hook, as after a restart) writes nothing", async () => {
    const before = await weeklyRows();
    const job = { data: { at: SLOT.toISOString() } } as Job;
    expect(await sendWeeklyReportsJob(job)).toEqual({ week: "2027-W10", emails: 0 });
    expect(await sendWeeklyReports(new Date("2027-03-13T10:00:00Z"), FRIDAY_16)).toEqual({ week: "2027-W10", emails: 0 });
    const after = await weeklyRows();
    expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
  });

  test("a quiet week sends nothing at all", async () => {
    expect(await sendWeeklyReports(new Date("2027-03-19T15:00:00Z"), FRIDAY_16)).toEqual({ week: "2027-W11", emails: 0 });
    const rows = await database()
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(like(outboxEmails.idempotencyKey, "weekly-report:2027-W11:%")));
    expect(rows).toEqual([]);
  });
});

test("the worker holds the job on a calendar: 16:00 Paris, Monday to Friday (it sends only once the week's slot has come)", async () => {
  const stop = await startWorkers();
  const queue = new Queue("maintenance", { connection: queueConnection(), prefix: queuePrefix() });
  try {
    const scheduler = (await queue.getJobSchedulers()).find((candidate) => candidate.key === "sendWeeklyReports");
    expect(scheduler).toMatchObject({ pattern: "0 16 * * 1,2,3,4,5", tz: "Europe/Paris" });
  } finally {
    await stop();
    // The run's Redis prefix is shared with the other files: worker.test.ts counts on its own start creating the
    // schedulers (their first run is at once), so the ones this start created go with it.
    for (const name of new Set(Object.values(JOBS).map((job) => job.queue))) {
      const owner = new Queue(name, { connection: queueConnection(), prefix: queuePrefix() });
      for (const scheduler of await owner.getJobSchedulers()) await owner.removeJobScheduler(scheduler.key);
      await owner.close();
    }
    await queue.close();
  }
});
