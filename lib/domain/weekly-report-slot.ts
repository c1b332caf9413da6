import { frenchPublicHolidays, type IsoWeekday } from "./business-calendar";
import { dayOfWeek, isoWeekAt, parisInstant, type IsoWeek } from "./iso-week";

/** When the weekly report goes out: a weekday and a Paris time (Friday 16:00 by default, lib/env.ts). */
export type WeeklyReportSchedule = { readonly weekday: IsoWeekday; readonly time: string };

const isHoliday = (day: string) => frenchPublicHolidays(Number(day.slice(0, 4))).some((holiday) => holiday.date === day);

/**
 * The instant the week's report is sent: the scheduled day at its time, moved to the day before while
 * that day is a public holiday (Friday 25 December → Thursday 24), never before the week's Monday.
 */
export function weeklyReportSlot(week: IsoWeek, schedule: WeeklyReportSchedule): Date {
  let weekday: number = schedule.weekday;
  while (weekday > 1 && isHoliday(dayOfWeek(week, weekday))) weekday -= 1;
  return parisInstant(dayOfWeek(week, weekday), schedule.time);
}

/** The week whose report is due at `now` (its slot has come), or null before the slot. */
export function dueWeeklyReport(now: Date, schedule: WeeklyReportSchedule): IsoWeek | null {
  const week = isoWeekAt(now);
  return now.getTime() >= weeklyReportSlot(week, schedule).getTime() ? week : null;
}

/**
 * The cron pattern waking the job (Paris time): from Monday to the scheduled day, at the time, so a slot
 * moved earlier by a holiday is met; the job decides with `dueWeeklyReport` and sends once (outbox keys).
 */
export function weeklyReportCron(schedule: WeeklyReportSchedule): string {
  const [hours, minutes] = schedule.time.split(":").map(Number);
  const days = Array.from({ length: schedule.weekday }, (_, index) => (index + 1) % 7); // cron: 0 = Sunday
  return `${minutes} ${hours} * * ${days.join(",")}`;
}
