/**
 * Business-time arithmetic for SLAs: opening hours, French public holidays and admin closures,
 * in the calendar's time zone (Europe/Paris).
 *
 * Pure: no clock, no I/O. Instants are `Date`s (UTC underneath); opening intervals are local
 * wall-clock times. Time-zone offsets come from luxon (the IANA database shipped with ICU);
 * nothing here assumes an offset or a day length.
 *
 * Model: an instant is open when its local date is neither a public holiday nor inside an admin
 * closure, and its local wall-clock time lies in one of that weekday's half-open intervals
 * `[start, end)`: 07:30 is open, 17:30 is closed. On a daylight-saving day the intervals keep
 * their wall-clock meaning: 07:30–17:30 is 10 hours either way (France changes at night), an
 * interval spanning the change lasts one hour less in March and one more in October, and a wall
 * time that does not exist (02:30 in March) or occurs twice (02:30 in October) is handled
 * exactly: open time is the set of instants whose wall-clock time is inside the interval.
 *
 * Durations are business minutes: real elapsed minutes counted only while open.
 */
import { DateTime, IANAZone } from "luxon";
import type { Translate } from "@/i18n/text";

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock interval, "HH:MM" 24-hour, start < end; `end` may be "24:00" (midnight). */
export type OpeningInterval = { readonly start: string; readonly end: string };

/** Per ISO weekday, zero or more non-overlapping intervals (e.g. a lunch break gives two). */
export type WeeklyHours = { readonly [day in IsoWeekday]: readonly OpeningInterval[] };

/** Days an admin closes the calendar (e.g. school holidays); inclusive local dates. */
export type Closure = { readonly from: string; readonly to: string; readonly label: string };

export type BusinessCalendar = {
  readonly timeZone: "Europe/Paris";
  readonly weekly: WeeklyHours;
  /** French public holidays (national list, Easter computed) are always closed. */
  readonly holidays: "france";
  readonly closures: readonly Closure[];
};

/** A public holiday named by catalogue keys (`sla.holidays.…`): two when they fall on one date. */
export type PublicHoliday = { readonly date: string; readonly names: readonly string[] };

const WORKDAY: readonly OpeningInterval[] = Object.freeze([Object.freeze({ start: "07:30", end: "17:30" })]);
const CLOSED: readonly OpeningInterval[] = Object.freeze([]);

/** Every team's calendar unless an admin says otherwise: Monday–Friday 07:30–17:30, Paris. */
export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({
  timeZone: "Europe/Paris",
  weekly: Object.freeze({ 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY, 6: CLOSED, 7: CLOSED }),
  holidays: "france",
  closures: Object.freeze([]),
});

/** The local date in Paris (YYYY-MM-DD) at an instant: "today" for closures, lifecycles and periods. */
export function parisDay(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: DEFAULT_CALENDAR.timeZone }).toISODate()!;
}

/**
 * How many consecutive days without any opening a search crosses before giving up: a calendar
 * with no hours at all, or closed for years, is a configuration error, not an infinite loop.
 */
export const MAX_DAYS_WITHOUT_OPENING = 3 * 366;

/** Thrown when no opening exists within {@link MAX_DAYS_WITHOUT_OPENING} days. */
export class NoBusinessOpeningError extends Error {
  constructor(
    readonly searchedFrom: Date,
    readonly searchedDays: number,
  ) {
    super(
      `Business calendar has no opening in the ${searchedDays} days from ${searchedFrom.toISOString()}: ` +
        "check its weekly hours and closures",
    );
    this.name = "NoBusinessOpeningError";
  }
}

// ---------------------------------------------------------------------------------------------
// Public holidays

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Easter Sunday of a Gregorian year, by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(dayNumberOf(year, month, day));
}

/**
 * The national public holidays of a year, in date order: eleven, or ten when Ascension falls on
 * 1 or 8 May (one entry with both labels, as in 2008).
 */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  assertYear(year);
  const easter = parseIsoDate(easterSunday(year));
  const fixed = (month: number, day: number) => isoDate(dayNumberOf(year, month, day));
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), names: ["sla.holidays.newYear"] },
    { date: isoDate(easter + 1), names: ["sla.holidays.easterMonday"] },
    { date: fixed(5, 1), names: ["sla.holidays.labourDay"] },
    { date: fixed(5, 8), names: ["sla.holidays.victory1945"] },
    { date: isoDate(easter + 39), names: ["sla.holidays.ascension"] },
    { date: isoDate(easter + 50), names: ["sla.holidays.whitMonday"] },
    { date: fixed(7, 14), names: ["sla.holidays.nationalDay"] },
    { date: fixed(8, 15), names: ["sla.holidays.assumption"] },
    { date: fixed(11, 1), names: ["sla.holidays.allSaints"] },
    { date: fixed(11, 11), names: ["sla.holidays.armistice1918"] },
    { date: fixed(12, 25), names: ["sla.holidays.christmas"] },
  ];
  holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const merged: PublicHoliday[] = [];
  for (const holiday of holidays) {
    const previous = merged[merged.length - 1];
    if (previous?.date === holiday.date) merged[merged.length - 1] = { date: holiday.date, names: [...previous.names, ...holiday.names] };
    else merged.push(holiday);
  }
  return merged;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Expected a Gregorian year between 1583 and 9999, got ${year}`);
  }
}

// Memo of a pure function: day numbers of the holidays of one year.
const holidayDays = new Map<number, ReadonlySet<number>>();

function isPublicHoliday(dayNumber: number): boolean {
  const year = new Date(dayNumber * DAY_MS).getUTCFullYear();
  let days = holidayDays.get(year);
  if (!days) {
    days = new Set(frenchPublicHolidays(year).map((holiday) => parseIsoDate(holiday.date)));
    holidayDays.set(year, days);
  }
  return days.has(dayNumber);
}

// ---------------------------------------------------------------------------------------------
// Local dates as day numbers (days since 1970-01-01): plain Gregorian arithmetic, no zone.

function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dayNumber = match ? dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!Number.isFinite(dayNumber) || isoDate(dayNumber) !== text) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${text}"`);
  }
  return dayNumber;
}

function isoWeekday(dayNumber: number): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

// ---------------------------------------------------------------------------------------------
// Compiled calendar

type Compiled = {
  zone: IANAZone;
  /** Per ISO weekday (index 1–7), sorted intervals in minutes from local midnight. */
  weekly: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  closures: ReadonlyArray<readonly [number, number]>;
};

/** An open stretch of time, in epoch milliseconds, `[start, end)`. */
type Span = readonly [number, number];

const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function compile(calendar: BusinessCalendar): Compiled {
  const zone = IANAZone.create(calendar.timeZone); // cached by luxon, with its validity
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${calendar.timeZone}"`);
  const weekly: Array<ReadonlyArray<readonly [number, number]>> = [[]];
  for (const day of ISO_WEEKDAYS) {
    const intervals = (calendar.weekly[day] ?? []).map(({ start, end }) => {
      const from = parseLocalTime(start, false);
      const to = parseLocalTime(end, true);
      if (from >= to) throw new RangeError(`Opening interval ${start}–${end} (weekday ${day}) must end after it starts`);
      return [from, to] as const;
    });
    intervals.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i]![0] < intervals[i - 1]![1]) {
        throw new RangeError(`Opening intervals of weekday ${day} overlap`);
      }
    }
    weekly.push(intervals);
  }
  const closures = calendar.closures.map(({ from, to, label }) => {
    const first = parseIsoDate(from);
    const last = parseIsoDate(to);
    if (first > last) throw new RangeError(`Closure "${label}" ends (${to}) before it starts (${from})`);
    return [first, last] as const;
  });
  return { zone, weekly, closures };
}

/** Minutes from midnight of "HH:MM" ("24:00" only as an end), or null when malformed. */
export function minutesOfTime(text: string, asEnd: boolean): number | null {
  if (asEnd && text === "24:00") return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function parseLocalTime(text: string, isEnd: boolean): number {
  const minutes = minutesOfTime(text, isEnd);
  if (minutes === null) throw new RangeError(`Expected a local time as HH:MM, got "${text}"`);
  return minutes;
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE_MS;
}

/** Local date (day number) of an instant. */
function localDay(zone: IANAZone, instant: number): number {
  return Math.floor((instant + offsetMs(zone, instant)) / DAY_MS);
}

function isClosedDay(compiled: Compiled, dayNumber: number): boolean {
  return isPublicHoliday(dayNumber) || compiled.closures.some(([first, last]) => dayNumber >= first && dayNumber <= last);
}

/** Widest UTC offset in either direction (Kiribati is +14:00). */
const MAX_OFFSET_MS = 14 * 3_600_000;

/**
 * Stretches of constant UTC offset covering every instant whose wall-clock time falls on the
 * given local date: one on most days, two on a daylight-saving day. Looks for at most one offset
 * change within these ~52 hours, as no zone changes twice in two days.
 */
function constantOffsetStretches(zone: IANAZone, dayNumber: number): ReadonlyArray<OffsetStretch> {
  const key = `${zone.name} ${dayNumber}`;
  let stretches = stretchesByDay.get(key);
  if (!stretches) {
    // The SLA of every ticket asks for the same few days again and again: luxon's offsets cost more than the rest.
    if (stretchesByDay.size >= STRETCHES_KEPT) stretchesByDay.clear();
    stretches = Object.freeze(findOffsetStretches(zone, dayNumber));
    stretchesByDay.set(key, stretches);
  }
  return stretches;
}

type OffsetStretch = { readonly from: number; readonly to: number; readonly offset: number };
/** Days remembered by `constantOffsetStretches` (a zone's offsets never change for a given day, so it is a plain memo). */
const STRETCHES_KEPT = 20_000;
const stretchesByDay = new Map<string, ReadonlyArray<OffsetStretch>>();

function findOffsetStretches(zone: IANAZone, dayNumber: number): OffsetStretch[] {
  const from = dayNumber * DAY_MS - MAX_OFFSET_MS;
  const to = (dayNumber + 1) * DAY_MS + MAX_OFFSET_MS;
  const before = offsetMs(zone, from);
  const after = offsetMs(zone, to - 1);
  if (before === after) return [{ from, to, offset: before }];
  // Binary search for the first millisecond with the new offset.
  let low = from;
  let high = to - 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMs(zone, middle) === before) low = middle;
    else high = middle;
  }
  return [
    { from, to: high, offset: before },
    { from: high, to, offset: after },
  ];
}

/** Open spans of one local date, sorted; empty on a closed day. */
function openSpans(compiled: Compiled, dayNumber: number): Span[] {
  const intervals = compiled.weekly[isoWeekday(dayNumber)] ?? [];
  if (intervals.length === 0 || isClosedDay(compiled, dayNumber)) return [];
  const midnight = dayNumber * DAY_MS; // local midnight, as wall-clock milliseconds
  const spans: Span[] = [];
  for (const stretch of constantOffsetStretches(compiled.zone, dayNumber)) {
    const wallFrom = stretch.from + stretch.offset;
    const wallTo = stretch.to + stretch.offset;
    for (const [start, end] of intervals) {
      const low = Math.max(wallFrom, midnight + start * MINUTE_MS);
      const high = Math.min(wallTo, midnight + end * MINUTE_MS);
      if (low < high) spans.push([low - stretch.offset, high - stretch.offset]);
    }
  }
  return spans.sort((x, y) => x[0] - y[0]);
}

/**
 * Open spans at or after an instant, in order, clipped so none starts before it. Starts one
 * local day early so that no span around a daylight-saving change at midnight is missed.
 */
function* spansFrom(compiled: Compiled, instant: number): Generator<Span> {
  let dayNumber = localDay(compiled.zone, instant) - 1;
  let daysWithout = 0;
  for (;;) {
    let found = false;
    for (const [start, end] of openSpans(compiled, dayNumber)) {
      if (end <= instant) continue;
      found = true;
      yield [Math.max(start, instant), end];
    }
    daysWithout = found ? 0 : daysWithout + 1;
    if (daysWithout > MAX_DAYS_WITHOUT_OPENING) {
      throw new NoBusinessOpeningError(new Date(instant), MAX_DAYS_WITHOUT_OPENING);
    }
    dayNumber++;
  }
}

function timeOf(instant: Date, name: string): number {
  const time = instant.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${name} is an invalid date`);
  return time;
}

// ---------------------------------------------------------------------------------------------
// Public arithmetic

/** Whether the calendar is open at this instant (opening instant included, closing excluded). */
export function isOpenAt(calendar: BusinessCalendar, instant: Date): boolean {
  const compiled = compile(calendar);
  const time = timeOf(instant, "instant");
  const today = localDay(compiled.zone, time);
  return [today - 1, today].some((day) => openSpans(compiled, day).some(([start, end]) => start <= time && time < end));
}

/**
 * The first open instant at or after `instant`: `instant` itself when open, else the next
 * opening (e.g. Monday 07:30 from a Friday evening). Throws {@link NoBusinessOpeningError} when
 * nothing opens within {@link MAX_DAYS_WITHOUT_OPENING} days. Warnings and escalations are
 * scheduled at `nextOpening(calendar, dueAt)` so they never fire at night or on a closed day.
 */
export function nextOpening(calendar: BusinessCalendar, instant: Date): Date {
  const time = timeOf(instant, "instant");
  for (const [start] of spansFrom(compile(calendar), time)) return new Date(start);
  throw new Error("unreachable: spansFrom ends only by throwing");
}

/**
 * The instant at which `minutes` business minutes have elapsed since `start`.
 *
 * - Counting starts at `nextOpening(calendar, start)`: a ticket opened at 06:00, 19:00 or on a
 *   Saturday starts its clock at the next opening.
 * - `minutes = 0` therefore returns `nextOpening(calendar, start)` (`start` itself when open):
 *   a due date is always an instant when someone can act.
 * - For `minutes > 0` the result is the end of the last minute counted, which may be a closing
 *   instant: Friday 16:00 + 90 min is Friday 17:30, not Monday 07:30 (the same business time,
 *   but the deadline a person expects to read).
 *
 * `minutes` must be a non-negative integer. Throws {@link NoBusinessOpeningError} when the
 * calendar stops opening for {@link MAX_DAYS_WITHOUT_OPENING} days.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a non-negative integer, got ${minutes}`);
  }
  let remaining = minutes * MINUTE_MS;
  for (const [spanStart, spanEnd] of spansFrom(compile(calendar), timeOf(start, "start"))) {
    if (remaining <= spanEnd - spanStart) return new Date(spanStart + remaining);
    remaining -= spanEnd - spanStart;
  }
  throw new Error("unreachable: spansFrom ends only by throwing");
}

/**
 * Business minutes between two instants: the open time within `[from, to)`, in minutes; 0 when
 * `to <= from`. Fractional when the instants are not on whole minutes (round for display).
 * Inverse of {@link addBusinessMinutes}: `businessMinutesBetween(c, s, addBusinessMinutes(c, s, n)) === n`.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = timeOf(from, "from");
  const end = timeOf(to, "to");
  if (end <= start) return 0;
  const compiled = compile(calendar);
  const lastDay = localDay(compiled.zone, end);
  let total = 0;
  for (let day = localDay(compiled.zone, start) - 1; day <= lastDay + 1; day++) {
    for (const [spanStart, spanEnd] of openSpans(compiled, day)) {
      total += Math.max(0, Math.min(spanEnd, end) - Math.max(spanStart, start));
    }
  }
  return total / MINUTE_MS;
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * A business duration in the words of `t` (messages sla.duration.*), in hours and minutes only —
 * never days, since a business day is 10 hours in one calendar and 8 in another: in French
 * "45 min ouvrées", "2 h ouvrées", "2 h 05 ouvrées", "100 h ouvrées". Rounded to the nearest
 * minute. The catalogue joins number and unit by no-break spaces so "2 h 30" never wraps, and
 * chooses singular or plural by the number.
 */
export function formatBusinessDuration(minutes: number, t: Translate): string {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Expected a non-negative duration in minutes, got ${minutes}`);
  }
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t("sla.duration.minutes", { minutes: rest });
  if (rest === 0) return t("sla.duration.hours", { hours });
  return t("sla.duration.hoursMinutes", { hours, minutes: String(rest).padStart(2, "0") });
}

/**
 * Whether a whole local date (YYYY-MM-DD) is closed: a public holiday, inside a closure, or a weekday
 * without opening hours. Visits are planned on open days only.
 */
export function isClosedDate(calendar: BusinessCalendar, date: string): boolean {
  const compiled = compile(calendar);
  const dayNumber = parseIsoDate(date);
  return isClosedDay(compiled, dayNumber) || (compiled.weekly[isoWeekday(dayNumber)] ?? []).length === 0;
}
