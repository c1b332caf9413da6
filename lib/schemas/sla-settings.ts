import { z } from "zod";
import type { IsoWeekday, OpeningInterval, WeeklyHours } from "@/lib/domain/business-calendar";
import { assertEscalationLevels, type EscalationLevel } from "@/lib/domain/sla-alarms";
import { repairCommitment } from "@/lib/domain/sla-display";
import { ISO_WEEKDAYS, MAX_INTERVALS_PER_DAY, normalizeWeeklyHours, weeklyHoursProblems } from "@/lib/domain/weekly-hours";

/** The admin forms of calendars, escalation ladders and vendors' repair times, with their French messages. */

/** Roles a ladder may call: the hierarchy of seed 003 §7.4.2, and admins. */
export const LADDER_ROLES = ["sector_lead", "service_lead", "admin"] as const;
/** Rows the ladder form offers. */
export const MAX_LADDER_LEVELS = 4;
/** A closure longer than this is a mistake (a calendar closed for years has no deadline at all). */
export const MAX_CLOSURE_DAYS = 366;
/** A vendor's repair time in business hours: 1 to 300 (the longest ticket commitment). */
export const MAX_REPAIR_HOURS = 300;

const teamCode = z.string({ error: "sla.errors.teamRequired" }).trim().min(1, "sla.errors.teamRequired").max(100);
const isoDate = (field: "from" | "to") => z.iso.date({ error: `sla.errors.date.${field}` });
const DAY_MS = 86_400_000;

export const addClosureSchema = z
  .object({
    /** Empty: every team. */
    teamCode: z.string().trim().max(100).default(""),
    from: isoDate("from"),
    to: isoDate("to"),
    label: z.string({ error: "sla.errors.labelRequired" }).trim().min(1, "sla.errors.labelExample").max(100, "sla.errors.labelTooLong"),
  })
  .superRefine((closure, ctx) => {
    if (closure.from > closure.to) ctx.addIssue({ code: "custom", path: ["to"], message: "sla.errors.endBeforeStart" });
    else if ((Date.parse(closure.to) - Date.parse(closure.from)) / DAY_MS + 1 > MAX_CLOSURE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "sla.errors.closureTooLong", params: { days: MAX_CLOSURE_DAYS } });
    }
  });
export type AddClosureInput = z.infer<typeof addClosureSchema>;

export const deleteClosureSchema = z.object({ id: z.uuid({ error: "sla.errors.unknownClosure" }) });

/** Field names of the weekly hours form: `d1s1` is Monday's first start, `d1e2` its second end. */
export const hoursField = (day: IsoWeekday, interval: number, edge: "s" | "e") => `d${day}${edge}${interval}`;

const timeText = z.string().trim().max(5).default("");

const weeklyHoursShape = Object.fromEntries(
  ISO_WEEKDAYS.flatMap((day) =>
    Array.from({ length: MAX_INTERVALS_PER_DAY }, (_, index) => index + 1).flatMap((interval) => [
      [hoursField(day, interval, "s"), timeText],
      [hoursField(day, interval, "e"), timeText],
    ]),
  ),
) as Record<string, typeof timeText>;

/**
 * The weekly hours form: per weekday, up to two intervals; an interval with both times empty is
 * no interval, one with a single time is refused. Errors name the day's field (`d1` for Monday).
 */
export const weeklyHoursSchema = z.object({ teamCode, ...weeklyHoursShape }).transform((form, ctx) => {
  const values = form as Record<string, string>;
  const days: Partial<Record<IsoWeekday, OpeningInterval[]>> = {};
  let incomplete = false;
  for (const day of ISO_WEEKDAYS) {
    const intervals: OpeningInterval[] = [];
    for (let interval = 1; interval <= MAX_INTERVALS_PER_DAY; interval++) {
      const start = values[hoursField(day, interval, "s")] ?? "";
      const end = values[hoursField(day, interval, "e")] ?? "";
      if (!start && !end) continue;
      if (!start || !end) {
        ctx.addIssue({ code: "custom", path: [`d${day}`], message: "sla.errors.rangeBothEnds" });
        incomplete = true;
        continue;
      }
      intervals.push({ start, end });
    }
    days[day] = intervals;
  }
  const weekly = days as WeeklyHours;
  // A half-filled interval is already reported: the week without it would only add a misleading message.
  if (!incomplete)
    for (const problem of weeklyHoursProblems(weekly))
      ctx.addIssue({ code: "custom", path: [problem.day ? `d${problem.day}` : "week"], message: problem.message, params: problem.values });
  return { teamCode: form.teamCode, weekly: normalizeWeeklyHours(weekly) };
});
export type WeeklyHoursInput = z.output<typeof weeklyHoursSchema>;

/** Field names of the ladder form, per row (1-based): its role and its share of the time to resolve. */
export const ladderField = (row: number, what: "role" | "percent") => `${what}${row}`;

const ladderShape = Object.fromEntries(
  Array.from({ length: MAX_LADDER_LEVELS }, (_, index) => index + 1).flatMap((row) => [
    [ladderField(row, "role"), z.string().trim().default("")],
    [ladderField(row, "percent"), z.string().trim().default("")],
  ]),
) as Record<string, z.ZodDefault<z.ZodString>>;

/**
 * The ladder form: rows filled in order become levels 1, 2, …; an empty row is skipped. Each level
 * calls a role once the ticket has used a share of its time to resolve (100 % = at the breach);
 * the shares may not decrease from one level to the next (checked again by assertEscalationLevels).
 */
export const ladderSchema = z.object({ teamCode, ...ladderShape }).transform((form, ctx) => {
  const values = form as Record<string, string>;
  const levels: EscalationLevel[] = [];
  for (let row = 1; row <= MAX_LADDER_LEVELS; row++) {
    const role = values[ladderField(row, "role")] ?? "";
    const percentText = values[ladderField(row, "percent")] ?? "";
    if (!role && !percentText) continue;
    const percent = Number(percentText);
    if (!(LADDER_ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: "custom", path: [ladderField(row, "role")], message: "sla.errors.chooseCallee" });
    } else if (!/^\d+$/.test(percentText) || percent < 1 || percent > 1000) {
      ctx.addIssue({ code: "custom", path: [ladderField(row, "percent")], message: "sla.errors.percent" });
    } else {
      const previous = levels.at(-1);
      if (previous && previous.afterPercentOfResolve > percent) {
        ctx.addIssue({
          code: "custom",
          path: [ladderField(row, "percent")],
          message: "sla.errors.levelOrder",
          params: { level: levels.length + 1, previous: levels.length, percent: previous.afterPercentOfResolve },
        });
      }
      levels.push({ level: levels.length + 1, role: role as (typeof LADDER_ROLES)[number], afterPercentOfResolve: percent });
    }
  }
  if (levels.length === 0 && ctx.issues.length === 0) {
    ctx.addIssue({ code: "custom", path: ["ladder"], message: "sla.errors.oneLevel" });
  }
  try {
    assertEscalationLevels(levels);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    if (ctx.issues.length === 0) ctx.addIssue({ code: "custom", path: ["ladder"], message: "sla.errors.ladderIncoherent" });
  }
  return { teamCode: form.teamCode, levels };
});
export type LadderInput = z.output<typeof ladderSchema>;

/** Back to the default weekly hours or ladder. */
export const resetTeamSchema = z.object({ teamCode, what: z.enum(["hours", "ladder"], { error: "sla.errors.unknownSetting" }) });

export const repairTimeSchema = z
  .object({
    vendorId: z.uuid({ error: "cmdb.errors.unknownVendor" }),
    mode: z.enum(["none", "next_business_day", "hours"], { error: "sla.errors.chooseRepairDelay" }),
    hours: z.string().trim().default(""),
  })
  .transform((form, ctx) => {
    if (form.mode !== "hours") return { vendorId: form.vendorId, commitment: repairCommitment({ mode: form.mode }) };
    const hours = Number(form.hours);
    if (!/^\d+$/.test(form.hours) || hours < 1 || hours > MAX_REPAIR_HOURS) {
      ctx.addIssue({ code: "custom", path: ["hours"], message: "sla.errors.repairHours", params: { max: MAX_REPAIR_HOURS } });
      return z.NEVER;
    }
    return { vendorId: form.vendorId, commitment: repairCommitment({ mode: "hours", hours }) };
  });
export type RepairTimeInput = z.output<typeof repairTimeSchema>;
