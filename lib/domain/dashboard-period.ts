/**
 * The period a dashboard covers: the last 30 or 90 days, the school year (from 1 September), a
 * custom range, or one whole school year for the annual report. Days are local dates in
 * Europe/Paris (YYYY-MM-DD), both ends included; SQL reads them as the half-open instants
 * [from 00:00, day after `to` 00:00) in Paris time.
 *
 * Pure: `today` is an argument.
 */
import { DateTime } from "luxon";

export const PERIOD_KINDS = ["30d", "90d", "school-year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = { readonly kind: PeriodKind; readonly from: string; readonly to: string };

/** The longest range a dashboard computes (a custom period or the API's from/to): three school years and a bit. */
export const MAX_PERIOD_DAYS = 1_100;

const ZONE = "Europe/Paris";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: ZONE });
  if (!DAY.test(value) || !parsed.isValid) throw new RangeError(`not a day: ${value}`);
  return parsed;
}

export const isDay = (value: string): boolean => DAY.test(value) && DateTime.fromISO(value, { zone: ZONE }).isValid;

export function addDays(value: string, days: number): string {
  return day(value).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to`, both included (1 for the same day). */
export function daysIn(from: string, to: string): number {
  return Math.round(day(to).diff(day(from), "days").days) + 1;
}

/** The first day of the school year `value` falls in: 1 September of this year from September, of last year before. */
export function schoolYearStart(value: string): string {
  const date = day(value);
  return `${date.month >= 9 ? date.year : date.year - 1}-09-01`;
}

/** "2025-2026" for any day from 2025-09-01 to 2026-08-31. */
export function schoolYearLabel(value: string): string {
  const start = Number(schoolYearStart(value).slice(0, 4));
  return `${start}-${start + 1}`;
}

/** The start year of a label such as "2025-2026", or null when it is not one. */
export function parseSchoolYear(label: string): number | null {
  const match = /^(\d{4})-(\d{4})$/.exec(label);
  return match && Number(match[2]) === Number(match[1]) + 1 ? Number(match[1]) : null;
}

export type PeriodChoice = { kind?: PeriodKind; from?: string; to?: string };

/**
 * The period a reader asked for, or why it cannot be: preset kinds end today; a custom range
 * needs two days, in order, not after today, at most {@link MAX_PERIOD_DAYS} long. No kind means 90 days.
 */
export function resolvePeriod(
  choice: PeriodChoice,
  today: string,
): { ok: true; period: Period } | { ok: false; message: string; values?: Record<string, number> } {
  const kind = choice.kind ?? "90d";
  switch (kind) {
    case "30d":
      return { ok: true, period: { kind, from: addDays(today, -29), to: today } };
    case "90d":
      return { ok: true, period: { kind, from: addDays(today, -89), to: today } };
    case "school-year":
      return { ok: true, period: { kind, from: schoolYearStart(today), to: today } };
    case "custom":
      return customPeriod(choice.from, choice.to, today);
  }
}

/** A from/to range as the API and the custom period take it; a missing `to` is today, a missing `from` 89 days before `to`. */
export function customPeriod(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { ok: true; period: Period } | { ok: false; message: string; values?: Record<string, number> } {
  if (to !== undefined && !isDay(to)) return { ok: false, message: "dashboards.errors.period.toInvalid" };
  if (from !== undefined && !isDay(from)) return { ok: false, message: "dashboards.errors.period.fromInvalid" };
  const end = to ?? today;
  const start = from ?? addDays(end, -89);
  if (end > today) return { ok: false, message: "dashboards.errors.period.endsAfterToday" };
  if (start > end) return { ok: false, message: "dashboards.errors.period.fromAfterTo" };
  if (daysIn(start, end) > MAX_PERIOD_DAYS)
    return { ok: false, message: "dashboards.errors.period.tooLong", values: { max: MAX_PERIOD_DAYS } };
  return { ok: true, period: { kind: "custom", from: start, to: end } };
}

/** One school year for the annual report, cut at today when it is the current one; null when it has not started. */
export function schoolYearPeriod(startYear: number, today: string): Period | null {
  const from = `${startYear}-09-01`;
  if (from > today) return null;
  const end = `${startYear + 1}-08-31`;
  return { kind: "school-year", from, to: end < today ? end : today };
}

/** The period's instants: [from at 00:00 Paris, the day after `to` at 00:00 Paris). */
export function periodInstants(period: Pick<Period, "from" | "to">): { start: Date; end: Date } {
  return { start: day(period.from).toJSDate(), end: day(period.to).plus({ days: 1 }).toJSDate() };
}

/** The Monday of the week `value` falls in. */
export function weekStart(value: string): string {
  const date = day(value);
  return date.minus({ days: date.weekday - 1 }).toISODate()!;
}

/** Every week (its Monday) the period touches, in order: the rows of a weekly chart, empty weeks included. */
export function weeksOf(period: Pick<Period, "from" | "to">): string[] {
  const weeks: string[] = [];
  for (let monday = weekStart(period.from); monday <= period.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}
