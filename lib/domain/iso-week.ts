import { DateTime } from "luxon";

const ZONE = "Europe/Paris";
const WEEK = /^(\d{4})-W(\d{2})$/;

/** An ISO week ("2026-W50") in Paris: its Monday and the instants it spans, [start, end). */
export type IsoWeek = { readonly label: string; readonly monday: string; readonly start: Date; readonly end: Date };

function weekOf(date: DateTime): IsoWeek {
  const monday = date.startOf("week");
  return {
    label: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, "0")}`,
    monday: monday.toISODate()!,
    start: monday.toJSDate(),
    end: monday.plus({ weeks: 1 }).toJSDate(),
  };
}

/** "2026-W50" → the week, or null for a malformed label or a week the year does not have (2026-W54). */
export function parseIsoWeek(label: string): IsoWeek | null {
  const match = WEEK.exec(label);
  if (!match) return null;
  const date = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: ZONE });
  if (!date.isValid || date.weekNumber !== Number(match[2]) || date.weekYear !== Number(match[1])) return null;
  return weekOf(date);
}

/** The week an instant falls in (Paris time). */
export function isoWeekAt(instant: Date): IsoWeek {
  return weekOf(DateTime.fromJSDate(instant, { zone: ZONE }));
}

/** The week after. */
export function nextIsoWeek(week: IsoWeek): IsoWeek {
  return isoWeekAt(week.end);
}

/** The Paris date of a weekday (1 = Monday) of the week. */
export function dayOfWeek(week: IsoWeek, weekday: number): string {
  return DateTime.fromISO(week.monday, { zone: ZONE })
    .plus({ days: weekday - 1 })
    .toISODate()!;
}

/** The instant of a Paris date at a wall-clock time "HH:MM". */
export function parisInstant(day: string, time: string): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toJSDate();
}
