import { frenchPublicHolidays } from "./business-calendar";
import { dayOfWeek, nextIsoWeek, type IsoWeek } from "./iso-week";
import { visitsOn, weekDates, type HalfDay, type ScheduleSlot, type VisitException } from "./visit-planning";
import type { TicketStatus, TicketType } from "./vocabulary";

/**
 * Seed 003's "compte-rendu synthétique d'activité": a school's week, from plain data the query reads
 * (tickets touching the week or waiting for the school, interventions, visits). Pure and in one place,
 * so the e-mail, the page and the PDF say the same thing.
 */

export type ReportTicket = {
  readonly reference: string;
  readonly title: string;
  readonly type: TicketType;
  readonly status: TicketStatus;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
};
export type ReportIntervention = {
  readonly ticketReference: string;
  readonly mode: "remote" | "on_site";
  readonly startedAt: Date;
  readonly minutes: number;
  readonly travelMinutes: number;
  /** The summary the school reads (never the staff details). */
  readonly summary: string;
};
/** A default-week slot of a technician at this school, with the technician's name for the report. */
export type ReportScheduleSlot = ScheduleSlot & { readonly technicianName: string };
/** A change to a technician's default week on a date (another school, this one, or none). */
export type ReportScheduleException = VisitException & { readonly technicianName: string };
export type ReportTicketVisit = {
  readonly reference: string;
  readonly title: string;
  readonly technicianName: string;
  readonly onDate: string;
  readonly halfDay: HalfDay;
};

export type WeeklyReportFacts = {
  readonly school: { readonly id: string; readonly uai: string; readonly name: string };
  readonly week: IsoWeek;
  /** The school's tickets opened or resolved in the week, and those waiting for the school now. */
  readonly tickets: readonly ReportTicket[];
  readonly interventions: readonly ReportIntervention[];
  readonly schedule: readonly ReportScheduleSlot[];
  /** Exceptions dated in the next week (any school, for the technicians scheduled here or sent here). */
  readonly exceptions: readonly ReportScheduleException[];
  /** Tickets planned for a visit in the next week. */
  readonly ticketVisits: readonly ReportTicketVisit[];
};

export type PlannedVisit = {
  readonly onDate: string;
  readonly halfDay: HalfDay;
  readonly technicianName: string;
  readonly tickets: readonly { reference: string; title: string }[];
};

export type WeeklyReport = {
  readonly school: { readonly uai: string; readonly name: string };
  readonly week: string;
  readonly monday: string;
  readonly opened: readonly ReportTicket[];
  readonly resolved: readonly ReportTicket[];
  readonly interventions: readonly ReportIntervention[];
  readonly time: { readonly interventions: number; readonly onSite: number; readonly minutes: number; readonly travelMinutes: number };
  /** Waiting for the school's answer ("en attente de votre réponse"). */
  readonly waiting: readonly ReportTicket[];
  readonly nextWeek: readonly PlannedVisit[];
  readonly path: string;
  /** Tickets opened or resolved, or interventions, this week: a quiet school gets no e-mail. */
  readonly active: boolean;
};

const inWeek = (week: IsoWeek, instant: Date | null) => instant !== null && instant >= week.start && instant < week.end;
const byDate = (a: { createdAt: Date }, b: { createdAt: Date }) => a.createdAt.getTime() - b.createdAt.getTime();
const slotKey = (date: string, halfDay: HalfDay) => `${date}|${halfDay}`;

export function weeklyReportPath(uai: string, week: string): string {
  return `/tableaux-de-bord/etablissements/${encodeURIComponent(uai)}/semaine/${week}`;
}

/**
 * The visits of the next week at this school: the planning's visits (default week and exceptions,
 * lib/domain/visit-planning.ts) that land here, and the planned tickets of each visit (a ticket planned
 * outside any scheduled visit makes its own). Public holidays have no visit.
 */
function nextWeekVisits(facts: WeeklyReportFacts): PlannedVisit[] {
  const next = nextIsoWeek(facts.week);
  const holidays = new Set(
    [next.monday, dayOfWeek(next, 7)].flatMap((day) => frenchPublicHolidays(Number(day.slice(0, 4))).map((holiday) => holiday.date)),
  );
  const names = new Map([...facts.schedule, ...facts.exceptions].map((row) => [row.technicianId, row.technicianName]));
  const visits = new Map<
    string,
    { onDate: string; halfDay: HalfDay; technicianName: string; tickets: { reference: string; title: string }[] }
  >();
  for (const visit of visitsOn(weekDates(next.label), facts.schedule, facts.exceptions)) {
    if (visit.establishmentId !== facts.school.id) continue;
    const technicianName = names.get(visit.technicianId) ?? "";
    visits.set(slotKey(visit.onDate, visit.halfDay), { onDate: visit.onDate, halfDay: visit.halfDay, technicianName, tickets: [] });
  }
  for (const planned of facts.ticketVisits) {
    if (planned.onDate < next.monday || planned.onDate > dayOfWeek(next, 7)) continue;
    const key = slotKey(planned.onDate, planned.halfDay);
    const visit = visits.get(key) ?? {
      onDate: planned.onDate,
      halfDay: planned.halfDay,
      technicianName: planned.technicianName,
      tickets: [],
    };
    visit.tickets.push({ reference: planned.reference, title: planned.title });
    visits.set(key, visit);
  }
  return [...visits.values()]
    .filter((visit) => !holidays.has(visit.onDate))
    .sort((a, b) => (a.onDate === b.onDate ? a.halfDay.localeCompare(b.halfDay) : a.onDate < b.onDate ? -1 : 1));
}

export function buildWeeklyReport(facts: WeeklyReportFacts): WeeklyReport {
  const { week } = facts;
  const opened = facts.tickets.filter((ticket) => inWeek(week, ticket.createdAt)).sort(byDate);
  const resolved = facts.tickets.filter((ticket) => inWeek(week, ticket.resolvedAt)).sort(byDate);
  const waiting = facts.tickets.filter((ticket) => ticket.status === "waiting_requester").sort(byDate);
  const interventions = facts.interventions
    .filter((intervention) => inWeek(week, intervention.startedAt))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const time = {
    interventions: interventions.length,
    onSite: interventions.filter((intervention) => intervention.mode === "on_site").length,
    minutes: interventions.reduce((sum, intervention) => sum + intervention.minutes, 0),
    travelMinutes: interventions.reduce((sum, intervention) => sum + intervention.travelMinutes, 0),
  };
  return {
    school: facts.school,
    week: week.label,
    monday: week.monday,
    opened,
    resolved,
    interventions,
    time,
    waiting,
    nextWeek: nextWeekVisits(facts),
    path: weeklyReportPath(facts.school.uai, week.label),
    active: opened.length + resolved.length + interventions.length > 0,
  };
}
