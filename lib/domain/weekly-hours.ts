/**
 * A team's weekly opening hours as an admin edits them: the checks the business calendar relies
 * on (HH:MM, start before end, no overlap, at least one opening in the week), as message keys, and a
 * short summary in the words of the catalogue ("lun.–ven. 07:30–17:30"). Pure.
 */
import type { Translate } from "@/i18n/text";
import { DEFAULT_CALENDAR, minutesOfTime, type IsoWeekday, type OpeningInterval, type WeeklyHours } from "./business-calendar";

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Two intervals a day at most: a morning and an afternoon around a lunch break. */
export const MAX_INTERVALS_PER_DAY = 2;

/** A message key with its values; `day` names the weekday by its own key (`sla.admin.weekdays.1`). */
export type WeeklyHoursProblem = { readonly day: IsoWeekday | null; readonly message: string; readonly values?: Record<string, string> };

/** Everything wrong with a week, per day; empty when the business calendar accepts it. */
export function weeklyHoursProblems(weekly: WeeklyHours): WeeklyHoursProblem[] {
  const problems: WeeklyHoursProblem[] = [];
  let open = 0;
  for (const day of ISO_WEEKDAYS) {
    const intervals = weekly[day] ?? [];
    const name = `sla.admin.weekdays.${day}`;
    if (intervals.length > MAX_INTERVALS_PER_DAY) {
      problems.push({ day, message: "sla.errors.week.tooManyIntervals", values: { day: name } });
      continue;
    }
    const spans: Array<[number, number]> = [];
    for (const { start, end } of intervals) {
      const from = minutesOfTime(start, false);
      const to = minutesOfTime(end, true);
      if (from === null || to === null) {
        problems.push({ day, message: "sla.errors.week.timeFormat", values: { day: name } });
      } else if (from >= to) {
        problems.push({ day, message: "sla.errors.week.endBeforeStart", values: { day: name, start, end } });
      } else {
        spans.push([from, to]);
      }
    }
    spans.sort((x, y) => x[0] - y[0]);
    if (spans.length === 2 && spans[1]![0] < spans[0]![1])
      problems.push({ day, message: "sla.errors.week.overlap", values: { day: name } });
    open += spans.length;
  }
  if (open === 0 && problems.length === 0) problems.push({ day: null, message: "sla.errors.week.closed" });
  return problems;
}

/** Each day's intervals in time order, so equal weeks compare equal. */
export function normalizeWeeklyHours(weekly: WeeklyHours): WeeklyHours {
  const sorted = (intervals: readonly OpeningInterval[]) =>
    [...intervals].map(({ start, end }) => ({ start, end })).sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  return {
    1: sorted(weekly[1]),
    2: sorted(weekly[2]),
    3: sorted(weekly[3]),
    4: sorted(weekly[4]),
    5: sorted(weekly[5]),
    6: sorted(weekly[6]),
    7: sorted(weekly[7]),
  };
}

const dayKey = (intervals: readonly OpeningInterval[]) => intervals.map(({ start, end }) => `${start}–${end}`).join(", ");

export function sameWeeklyHours(a: WeeklyHours, b: WeeklyHours): boolean {
  const x = normalizeWeeklyHours(a);
  const y = normalizeWeeklyHours(b);
  return ISO_WEEKDAYS.every((day) => dayKey(x[day]) === dayKey(y[day]));
}

/** Whether a week is the default calendar's (Monday–Friday 07:30–17:30). */
export function isDefaultWeeklyHours(weekly: WeeklyHours): boolean {
  return sameWeeklyHours(weekly, DEFAULT_CALENDAR.weekly);
}

/**
 * The week in a few words of `t` (messages sla.week.*), consecutive days with the same hours grouped:
 * in French "lun.–ven. 07:30–17:30", "lun.–jeu. 08:00–12:00, 13:30–17:00 ; ven. 08:00–12:00";
 * "fermé toute la semaine" when closed.
 */
export function describeWeeklyHours(weekly: WeeklyHours, t: Translate): string {
  const normalized = normalizeWeeklyHours(weekly);
  const groups: Array<{ first: IsoWeekday; last: IsoWeekday; hours: string }> = [];
  for (const day of ISO_WEEKDAYS) {
    const hours = dayKey(normalized[day]);
    const previous = groups.at(-1);
    if (previous && previous.hours === hours && previous.last === day - 1) previous.last = day;
    else groups.push({ first: day, last: day, hours });
  }
  const open = groups.filter((group) => group.hours !== "");
  if (open.length === 0) return t("sla.week.closed");
  const name = (day: IsoWeekday) => t(`sla.week.short.${day}`);
  return open
    .map(({ first, last, hours }) => {
      if (first === last) return t("sla.week.single", { day: name(first), hours });
      return t(last === first + 1 ? "sla.week.pair" : "sla.week.range", { first: name(first), last: name(last), hours });
    })
    .join(t("sla.week.separator"));
}
