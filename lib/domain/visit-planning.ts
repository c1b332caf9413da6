import { DateTime } from "luxon";
import { isClosedDate, type BusinessCalendar } from "./business-calendar";
import { parseIsoWeek } from "./iso-week";

/**
 * Planned visits (seed 003's "planning hebdomadaire par défaut"): each technician's default week says
 * which school they visit on which half-day; an exception replaces one half-day on one date (another
 * school, or none). Pure: dates are Paris dates (YYYY-MM-DD), the clock is an argument.
 */
export const HALF_DAYS = ["am", "pm"] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

/** Monday to Friday: visits happen on school days. */
export const VISIT_WEEKDAYS = [1, 2, 3, 4, 5] as const;
export type VisitWeekday = (typeof VISIT_WEEKDAYS)[number];

export type ScheduleSlot = { technicianId: string; weekday: number; halfDay: HalfDay; establishmentId: string };
export type VisitException = { technicianId: string; onDate: string; halfDay: HalfDay; establishmentId: string | null };
export type Absence = { userId: string; startsOn: string; endsOn: string };
export type Visit = { technicianId: string; onDate: string; halfDay: HalfDay; establishmentId: string };

const ZONE = "Europe/Paris";
/** When a half-day visit is over (Paris wall-clock time): it is no longer proposed after that. */
const HALF_DAY_END: Record<HalfDay, { hour: number; minute: number }> = { am: { hour: 12, minute: 0 }, pm: { hour: 17, minute: 30 } };

/** The Monday of an ISO week ("2026-W50" → "2026-12-07"), or null for a malformed or non-existent week. */
export function isoWeekMonday(week: string): string | null {
  return parseIsoWeek(week)?.monday ?? null;
}

/** The ISO week of a Paris date ("2026-12-09" → "2026-W50"). */
export function isoWeekOf(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).toFormat("kkkk-'W'WW");
}

/** The ISO week `offset` weeks after `week` (negative: before). `week` must be valid. */
export function shiftIsoWeek(week: string, offset: number): string {
  const monday = isoWeekMonday(week);
  if (!monday) throw new RangeError(`Expected an ISO week as YYYY-Www, got "${week}"`);
  return isoWeekOf(addDays(monday, offset * 7));
}

/** The school days (Monday to Friday) of an ISO week. */
export function weekDates(week: string): string[] {
  const monday = isoWeekMonday(week);
  if (!monday) throw new RangeError(`Expected an ISO week as YYYY-Www, got "${week}"`);
  return VISIT_WEEKDAYS.map((weekday) => addDays(monday, weekday - 1));
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

const weekdayOf = (date: string) => DateTime.fromISO(date, { zone: ZONE }).weekday;

/** Whether the person is away on that date (both ends of an absence included). */
export function isAbsent(absences: readonly Absence[], userId: string, date: string): boolean {
  return absences.some((absence) => absence.userId === userId && absence.startsOn <= date && date <= absence.endsOn);
}

/**
 * The visits on the given dates: the default week, with each exception replacing its half-day (an
 * exception without a school cancels the visit, one on a free half-day adds a visit). In date, half-day
 * and technician order.
 */
export function visitsOn(dates: readonly string[], schedule: readonly ScheduleSlot[], exceptions: readonly VisitException[]): Visit[] {
  const visits: Visit[] = [];
  for (const onDate of dates) {
    const weekday = weekdayOf(onDate);
    for (const halfDay of HALF_DAYS) {
      const technicians = new Set([
        ...schedule.filter((slot) => slot.weekday === weekday && slot.halfDay === halfDay).map((slot) => slot.technicianId),
        ...exceptions
          .filter((exception) => exception.onDate === onDate && exception.halfDay === halfDay)
          .map((exception) => exception.technicianId),
      ]);
      for (const technicianId of [...technicians].sort()) {
        const exception = exceptions.find((row) => row.technicianId === technicianId && row.onDate === onDate && row.halfDay === halfDay);
        const establishmentId = exception
          ? exception.establishmentId
          : (schedule.find((slot) => slot.technicianId === technicianId && slot.weekday === weekday && slot.halfDay === halfDay)
              ?.establishmentId ?? null);
        if (establishmentId) visits.push({ technicianId, onDate, halfDay, establishmentId });
      }
    }
  }
  return visits;
}

/** Whether a half-day is still to come at `now` (the morning until noon, the afternoon until 17:30, Paris). */
export function isUpcoming(onDate: string, halfDay: HalfDay, now: Date): boolean {
  const end = DateTime.fromISO(onDate, { zone: ZONE }).set({ ...HALF_DAY_END[halfDay], second: 0, millisecond: 0 });
  return now.getTime() < end.toMillis();
}

export type VisitProposalInput = {
  establishmentId: string;
  now: Date;
  count: number;
  schedule: readonly ScheduleSlot[];
  exceptions: readonly VisitException[];
  absences: readonly Absence[];
  calendar: BusinessCalendar;
  /** How far ahead to look, in days (a school nobody visits gets no proposal, not an endless search). */
  horizonDays: number;
};

/**
 * The next `count` visits to a school from `now`: from the default week and its exceptions, skipping
 * half-days already over, closed days (holidays, closures, weekends) and the days the technician is away.
 */
export function nextVisits(input: VisitProposalInput): Visit[] {
  const today = DateTime.fromJSDate(input.now, { zone: ZONE }).toISODate()!;
  const found: Visit[] = [];
  for (let offset = 0; offset <= input.horizonDays && found.length < input.count; offset++) {
    const date = addDays(today, offset);
    if (isClosedDate(input.calendar, date)) continue;
    for (const visit of visitsOn([date], input.schedule, input.exceptions)) {
      if (visit.establishmentId !== input.establishmentId) continue;
      if (!isUpcoming(visit.onDate, visit.halfDay, input.now)) continue;
      if (isAbsent(input.absences, visit.technicianId, visit.onDate)) continue;
      found.push(visit);
      if (found.length === input.count) break;
    }
  }
  return found;
}
