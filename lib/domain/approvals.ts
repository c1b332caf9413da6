/**
 * Approval before routing (issue 15): which levels a category asks for, who may approve a level of a school's
 * ticket, what filing and each decision do to the levels, and when the pending level's approvers are reminded
 * (2 working days) and when the ticket is given up (10 working days). Pure: the clock and the people are passed in.
 */
import { DateTime } from "luxon";
import { DEFAULT_CALENDAR, frenchPublicHolidays } from "./business-calendar";
import type { SlaStatusChange } from "./sla";
import type { ApproverKind, Role, TicketStatus } from "./vocabulary";

/** The staff function (users.function_code) that makes someone the school's approver of a kind. */
export const HEAD_FUNCTION = "chef_etablissement";
export const SECRETARY_GENERAL_FUNCTION = "gestionnaire";

export const REMINDER_WORKING_DAYS = 2;
export const TIMEOUT_WORKING_DAYS = 10;

export type ApprovalState = "waiting" | "pending" | "approved" | "refused" | "expired";

export type ApprovalLevel = {
  level: number;
  approverKind: ApproverKind;
  state: ApprovalState;
  /** When the level became pending (its approvers were told); null while it waits for the level before. */
  openedAt: Date | null;
  remindedAt: Date | null;
  decidedAt: Date | null;
  decidedById: string | null;
};

/** A person as the approval rules see them. */
export type Approver = { id: string; role: Role; functionCode: string | null; establishmentIds: readonly string[]; zoneId: string | null };

/** The ticket's school: where it is, and whom its head named to approve in their stead. */
export type ApprovalSchool = { establishmentId: string; zoneId: string; delegateIds: readonly string[] };

/** The kinds of levels this person approves for this school's tickets. */
export function approverKindsOf(person: Approver, school: ApprovalSchool): ApproverKind[] {
  const kinds: ApproverKind[] = [];
  const staff = person.establishmentIds.includes(school.establishmentId);
  if (staff && (person.functionCode === HEAD_FUNCTION || school.delegateIds.includes(person.id))) kinds.push("school_head");
  if (staff && person.functionCode === SECRETARY_GENERAL_FUNCTION) kinds.push("secretary_general");
  if (person.role === "sector_lead" && person.zoneId === school.zoneId) kinds.push("sector_lead");
  return kinds;
}

/** The level awaiting a decision, or null when none does. */
export function pendingLevel<T extends Pick<ApprovalLevel, "state">>(levels: readonly T[]): T | null {
  return levels.find((level) => level.state === "pending") ?? null;
}

/** Whether someone holding `kinds` decides the ticket's pending level now. */
export function decidesPendingLevel(
  kinds: readonly ApproverKind[],
  levels: readonly Pick<ApprovalLevel, "state" | "approverKind">[],
): boolean {
  const pending = pendingLevel(levels);
  return pending !== null && kinds.includes(pending.approverKind);
}

/** A level as filing writes it: the filer's own leading levels approved by them at once, the next one pending, the rest waiting. */
export type FiledLevel = {
  level: number;
  approverKind: ApproverKind;
  state: "waiting" | "pending" | "approved";
  openedAt: Date | null;
  decidedAt: Date | null;
};

/**
 * The levels of a ticket filed now by someone holding `filerKinds`: when the filer is the approver of the first
 * levels, those are approved as it is filed (the head's own request is signed by filing it); the first level left
 * is pending from now. `approved` is true when nothing is left to approve: the ticket is routed at once.
 */
export function levelsAtFiling(
  kinds: readonly ApproverKind[],
  filerKinds: readonly ApproverKind[],
  now: Date,
): { levels: FiledLevel[]; approved: boolean } {
  const levels: FiledLevel[] = [];
  let signing = true;
  for (const [index, approverKind] of kinds.entries()) {
    signing = signing && filerKinds.includes(approverKind);
    const opens = !signing && levels.every((level) => level.state === "approved");
    const state = signing ? "approved" : opens ? "pending" : "waiting";
    levels.push({ level: index + 1, approverKind, state, openedAt: signing || opens ? now : null, decidedAt: signing ? now : null });
  }
  return { levels, approved: levels.every((level) => level.state === "approved") };
}

/** What an approval of the pending level leads to: the next level opens, or the ticket is approved (routed now). */
export function afterApproval(
  levels: readonly Pick<ApprovalLevel, "level" | "state">[],
): { kind: "next"; level: number } | { kind: "approved" } {
  const pending = pendingLevel(levels);
  const next = levels.find((level) => level.state === "waiting" && (pending === null || level.level > pending.level));
  return next ? { kind: "next", level: next.level } : { kind: "approved" };
}

/** `days` working days after `start` (weekends and French public holidays skipped), at the same Paris wall-clock time. */
export function addWorkingDays(start: Date, days: number): Date {
  let day = DateTime.fromJSDate(start, { zone: DEFAULT_CALENDAR.timeZone });
  let left = days;
  const holidays = new Map<number, Set<string>>();
  const isHoliday = (date: DateTime) => {
    if (!holidays.has(date.year)) holidays.set(date.year, new Set(frenchPublicHolidays(date.year).map((holiday) => holiday.date)));
    return holidays.get(date.year)!.has(date.toISODate()!);
  };
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !isHoliday(day)) left--;
  }
  return day.toJSDate();
}

/** What the worker owes a pending level now: give the ticket up (10 working days), remind its approvers once (2), or nothing. */
export function dueApprovalAction(level: Pick<ApprovalLevel, "state" | "openedAt" | "remindedAt">, now: Date): "expire" | "remind" | null {
  if (level.state !== "pending" || level.openedAt === null) return null;
  if (addWorkingDays(level.openedAt, TIMEOUT_WORKING_DAYS) <= now) return "expire";
  if (level.remindedAt === null && addWorkingDays(level.openedAt, REMINDER_WORKING_DAYS) <= now) return "remind";
  return null;
}

/** The approval as the ticket shows it (its signature): pending, approved (by the last level's approver), refused or given up. */
export type ApprovalSummary<L> = { state: "pending" | "approved" | "refused" | "expired"; decisive: L | null };

export function approvalSummary<L extends Pick<ApprovalLevel, "state" | "level">>(levels: readonly L[]): ApprovalSummary<L> | null {
  if (levels.length === 0) return null;
  const ended = levels.find((level) => level.state === "refused" || level.state === "expired");
  if (ended) return { state: ended.state as "refused" | "expired", decisive: ended };
  if (levels.every((level) => level.state === "approved")) return { state: "approved", decisive: levels.at(-1)! };
  return { state: "pending", decisive: null };
}

/**
 * The SLA's view of a ticket that was filed for approval: its clocks start when it left `awaiting_approval` for
 * the technicians (the approval), and the approval's wait is no part of them; null while it waits, or when it was
 * refused or given up (it never reached anyone: no commitment). Other tickets are returned as they are.
 */
export function slaStartAfterApproval(
  createdAt: Date,
  status: TicketStatus,
  changes: readonly SlaStatusChange[],
): { createdAt: Date; statusChanges: SlaStatusChange[] } | null {
  const ordered = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const exit = ordered.findIndex((change) => change.from === "awaiting_approval");
  if (exit === -1) return status === "awaiting_approval" ? null : { createdAt, statusChanges: ordered };
  const left = ordered[exit]!;
  if (left.to === "cancelled") return null;
  return { createdAt: left.at, statusChanges: ordered.slice(exit + 1) };
}
