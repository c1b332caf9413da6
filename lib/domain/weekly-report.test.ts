import { describe, expect, test } from "vitest";
import { parseIsoWeek } from "./iso-week";
import { buildWeeklyReport, type ReportTicket, type WeeklyReportFacts } from "./weekly-report";

const week = parseIsoWeek("2026-W50")!; // Monday 7 to Sunday 13 December 2026
const ticket = (
  reference: string,
  createdAt: string,
  resolvedAt: string | null,
  status: ReportTicket["status"] = "in_progress",
): ReportTicket => ({
  reference,
  title: `Ticket ${reference}`,
  type: "incident",
  status,
  createdAt: new Date(createdAt),
  resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
});

const quiet: WeeklyReportFacts = {
  school: { id: "choiseul", uai: "0370037P", name: "Lycée Choiseul" },
  week,
  tickets: [],
  interventions: [],
  schedule: [],
  exceptions: [],
  ticketVisits: [],
};

const busy: WeeklyReportFacts = {
  ...quiet,
  tickets: [
    ticket("A", "2026-12-07T07:00:00Z", null), // opened Monday
    ticket("B", "2026-12-01T09:00:00Z", "2026-12-09T10:00:00Z", "resolved"), // opened before, resolved Wednesday
    ticket("C", "2026-12-08T09:00:00Z", "2026-12-10T10:00:00Z", "closed"), // opened and resolved this week
    ticket("D", "2026-11-20T09:00:00Z", null, "waiting_requester"), // waits for the school
    ticket("E", "2026-12-06T22:59:00Z", "2026-12-13T23:00:00Z", "resolved"), // Sunday night before, resolved Monday after: neither
  ],
  interventions: [
    {
      ticketReference: "B",
      mode: "on_site",
      startedAt: new Date("2026-12-09T08:00:00Z"),
      minutes: 45,
      travelMinutes: 30,
      summary: "Carte réseau changée",
    },
    {
      ticketReference: "C",
      mode: "remote",
      startedAt: new Date("2026-12-10T09:30:00Z"),
      minutes: 20,
      travelMinutes: 0,
      summary: "Pilote réinstallé",
    },
    {
      ticketReference: "D",
      mode: "remote",
      startedAt: new Date("2026-12-04T09:30:00Z"),
      minutes: 60,
      travelMinutes: 0,
      summary: "Last week",
    },
  ],
  schedule: [
    { technicianId: "t1", technicianName: "Thomas", weekday: 2, halfDay: "am", establishmentId: "choiseul" },
    { technicianId: "t1", technicianName: "Thomas", weekday: 4, halfDay: "pm", establishmentId: "choiseul" },
  ],
  exceptions: [
    // Thursday afternoon: Thomas goes elsewhere; Friday morning, Emma comes instead.
    { technicianId: "t1", technicianName: "Thomas", onDate: "2026-12-17", halfDay: "pm", establishmentId: "elsewhere" },
    { technicianId: "t2", technicianName: "Emma", onDate: "2026-12-18", halfDay: "am", establishmentId: "choiseul" },
  ],
  ticketVisits: [
    { reference: "A", title: "Ticket A", technicianName: "Thomas", onDate: "2026-12-15", halfDay: "am" },
    { reference: "F", title: "Ticket F", technicianName: "Thomas", onDate: "2026-12-16", halfDay: "pm" },
    { reference: "G", title: "Ticket G", technicianName: "Thomas", onDate: "2026-12-22", halfDay: "pm" }, // the week after: not shown
  ],
};

describe("buildWeeklyReport", () => {
  test("a hand-computed week", () => {
    const report = buildWeeklyReport(busy);
    expect(report.opened.map((t) => t.reference)).toEqual(["A", "C"]);
    expect(report.resolved.map((t) => t.reference)).toEqual(["B", "C"]);
    expect(report.waiting.map((t) => t.reference)).toEqual(["D"]);
    expect(report.interventions.map((i) => i.ticketReference)).toEqual(["B", "C"]);
    expect(report.time).toEqual({ interventions: 2, onSite: 1, minutes: 65, travelMinutes: 30 });
    expect(report.nextWeek).toEqual([
      { onDate: "2026-12-15", halfDay: "am", technicianName: "Thomas", tickets: [{ reference: "A", title: "Ticket A" }] },
      { onDate: "2026-12-16", halfDay: "pm", technicianName: "Thomas", tickets: [{ reference: "F", title: "Ticket F" }] },
      { onDate: "2026-12-18", halfDay: "am", technicianName: "Emma", tickets: [] },
    ]);
    expect(report.path).toBe("/tableaux-de-bord/etablissements/0370037P/semaine/2026-W50");
    expect(report.active).toBe(true);
  });

  test.each([
    ["nothing at all", quiet, false],
    ["only a ticket waiting for the school", { ...quiet, tickets: [busy.tickets[3]!] }, false],
    ["only visits planned next week", { ...quiet, schedule: busy.schedule }, false],
    ["only an intervention last week", { ...quiet, interventions: [busy.interventions[2]!] }, false],
    ["one ticket opened", { ...quiet, tickets: [busy.tickets[0]!] }, true],
    ["one intervention this week", { ...quiet, interventions: [busy.interventions[1]!] }, true],
  ] as const)("activity: %s → %s", (_label, facts, active) => {
    expect(buildWeeklyReport(facts).active).toBe(active);
  });

  test("no visit on a public holiday of the next week (Friday 25 December 2026)", () => {
    const report = buildWeeklyReport({
      ...quiet,
      week: parseIsoWeek("2026-W51")!,
      schedule: [
        { technicianId: "t1", technicianName: "Thomas", weekday: 5, halfDay: "am", establishmentId: "choiseul" },
        { technicianId: "t1", technicianName: "Thomas", weekday: 1, halfDay: "pm", establishmentId: "choiseul" },
      ],
    });
    expect(report.nextWeek.map((visit) => visit.onDate)).toEqual(["2026-12-21"]);
  });
});
