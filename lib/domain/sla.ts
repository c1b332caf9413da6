/**
 * Service-level commitments of a ticket: time to own it (TTO) and time to resolve it (TTR),
 * counted in business time of the team that holds it, as pure functions of the ticket's facts.
 *
 * Pure: no clock, no I/O. The calendar, the commitment and `now` are arguments, so the result is
 * a function of the facts only: a change of priority or of support mode is handled by calling
 * {@link computeSla} again with the new commitment, which recomputes everything from the ticket's
 * creation, minus its paused time.
 *
 * The clock of a commitment ("SLA clock") counts business minutes from the ticket's creation while
 * it runs:
 * - it is paused while the ticket waits for its requester (`waiting_requester`): the ball is in
 *   their court. When the ticket comes back, the clock resumes with the remaining business time,
 *   so the deadline moves later by the paused business time (a pause over a weekend moves it only
 *   by the business minutes inside the pause);
 * - it keeps running while the ticket waits for a vendor (`waiting_vendor`): the vendor's own
 *   timer ({@link vendorState}) runs alongside;
 * - it stops for good when the commitment is met, or when the ticket is cancelled.
 *
 * Deadlines (`dueAt`) are the instant at which the clock reaches the target. While a clock is
 * paused its deadline is not final: it is given as if the pause ended `now` (so it moves later as
 * `now` advances). Once a clock has stopped, its deadline is the one it had at that moment. A
 * deadline already reached stays where it was: a pause that starts after a breach does not undo it.
 *
 * Limitation: the whole history is measured on one calendar, the one passed in (the team that
 * holds the ticket now); a ticket moved between teams with different hours is measured as if it
 * had always been with its current team.
 */
import { DateTime } from "luxon";
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  formatBusinessDuration,
  nextOpening,
} from "./business-calendar";
import { PRIORITIES, type Priority, type Role, type SupportMode, type TicketStatus, type TicketType } from "./vocabulary";

const MINUTE_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Policies and commitments

/** Business minutes to own (TTO) and to resolve (TTR) a ticket. */
export type SlaTarget = { readonly own: number; readonly resolve: number };

/** A policy: targets per priority, in business minutes (same shape as `sla_policies.targets`). */
export type SlaTargets = { readonly [priority in Priority]: SlaTarget };

/** What one ticket is committed to, in business minutes; `null` from {@link commitmentFor} when nothing is. */
export type SlaCommitment = SlaTarget;

/** The default policy (service-catalogue.json, default_sla_business_minutes). */
export const DEFAULT_SLA_TARGETS: SlaTargets = Object.freeze({
  P1: Object.freeze({ own: 30, resolve: 4 * 60 }),
  P2: Object.freeze({ own: 2 * 60, resolve: 10 * 60 }),
  P3: Object.freeze({ own: 4 * 60, resolve: 30 * 60 }),
  P4: Object.freeze({ own: 10 * 60, resolve: 100 * 60 }),
});

/** In `ouvert` support mode the time to resolve is multiplied by this; the time to own is not. */
export const OUVERT_RESOLVE_FACTOR = 3;

/** A clock is at risk once this share of its target is used. */
export const AT_RISK_PERCENT = 75;

/**
 * The commitment of one ticket:
 * - `normal`: the policy's targets for the priority;
 * - `ouvert`: the same, with the time to resolve multiplied by {@link OUVERT_RESOLVE_FACTOR};
 * - `hors_perimetre`: the policy's targets for hardware incidents only, `null` (no commitment at
 *   all: no deadline, no alarm) for anything else.
 *
 * Throws a RangeError when the policy's targets for the priority are not positive whole minutes.
 */
export function commitmentFor(input: {
  readonly targets: SlaTargets;
  readonly priority: Priority;
  readonly supportMode: SupportMode;
  readonly category: { readonly type: TicketType; readonly hardware: boolean };
}): SlaCommitment | null {
  const { targets, priority, supportMode, category } = input;
  const target = targets[priority];
  assertCommitment(target, `SLA targets of ${priority}`);
  switch (supportMode) {
    case "normal":
      return { own: target.own, resolve: target.resolve };
    case "ouvert":
      return { own: target.own, resolve: target.resolve * OUVERT_RESOLVE_FACTOR };
    case "hors_perimetre":
      return category.type === "incident" && category.hardware ? { own: target.own, resolve: target.resolve } : null;
  }
}

/** Throws a RangeError unless every priority has positive whole-minute targets. */
export function assertSlaTargets(targets: SlaTargets): void {
  for (const priority of PRIORITIES) assertCommitment(targets[priority], `SLA targets of ${priority}`);
}

function assertCommitment(commitment: SlaTarget | undefined, name: string): asserts commitment is SlaTarget {
  if (!commitment) throw new RangeError(`${name} are missing`);
  for (const key of ["own", "resolve"] as const) {
    const minutes = commitment[key];
    if (!Number.isSafeInteger(minutes) || minutes <= 0) {
      throw new RangeError(`${name}: "${key}" must be a positive whole number of business minutes, got ${minutes}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Facts

/** One status change from the ticket's journal. */
export type SlaStatusChange = { readonly at: Date; readonly from: TicketStatus; readonly to: TicketStatus };

/**
 * What the SLA of a ticket depends on, as recorded facts.
 *
 * - `statusChanges`: every status change, in any order (they are sorted by `at`, ties keeping
 *   their order). The ticket's first status is the `from` of the earliest change, `new` when there
 *   is none; after that only each change's `to` is used. Resolutions and reopenings are read from
 *   here, not from a single `resolvedAt`, which cannot tell a ticket resolved, reopened and
 *   resolved again.
 * - `firstTakenAt`: when a technician first took the ticket in charge (assigned to a person AND in
 *   progress), or null.
 * - `firstPublicReplyAt`: the first public reply by staff (not the requester's own messages), or null.
 *
 * Instants before `createdAt` (clock skew) count as `createdAt`; facts after `now` are ignored, so
 * the same facts evaluated at an earlier `now` give the state as it was then.
 */
export type SlaFacts = {
  readonly createdAt: Date;
  readonly statusChanges: readonly SlaStatusChange[];
  readonly firstTakenAt: Date | null;
  readonly firstPublicReplyAt: Date | null;
};

// ---------------------------------------------------------------------------------------------
// Results

/**
 * - `met`: met at or before its deadline;
 * - `ok` / `at_risk` / `breached`: still running (or paused); at risk from {@link AT_RISK_PERCENT}%
 *   of the target used; breached once its deadline has come (`now >= dueAt`);
 * - `breached` also describes a commitment met late (`metAt` set) or a ticket cancelled after
 *   its deadline: the miss happened;
 * - `cancelled`: the ticket was cancelled before the deadline; nothing was missed.
 */
export type SlaTimerState = "met" | "ok" | "at_risk" | "breached" | "cancelled";

/** The state of a ticket: the worst of its commitments still running (`ok` when none is). */
export type SlaState = "ok" | "at_risk" | "breached";

export type SlaTimer = {
  readonly state: SlaTimerState;
  /** The deadline (see the module comment for a paused or stopped clock). */
  readonly dueAt: Date;
  /** When the commitment was met, or null. */
  readonly metAt: Date | null;
  /** When the clock stopped for good (met or cancelled), or null while it runs or is paused. */
  readonly stoppedAt: Date | null;
  /** Whether the clock is paused now (waiting for the requester). */
  readonly paused: boolean;
  /** The target, in business minutes. */
  readonly targetMinutes: number;
  /** Business minutes counted so far (until the stop when stopped). */
  readonly usedMinutes: number;
  /** Business minutes this clock was paused so far: the time that moved its deadline later. */
  readonly pausedMinutes: number;
  /** `targetMinutes - usedMinutes`: negative when late, the margin left when met. */
  readonly remainingMinutes: number;
};

export type SlaStatus = {
  /** Deadline to own the ticket (TTO). */
  readonly ownBy: Date;
  /** Deadline to resolve the ticket (TTR). */
  readonly resolveBy: Date;
  /** Business minutes spent waiting for the requester so far. */
  readonly pausedMinutes: number;
  /** Whether the ticket is waiting for its requester now (both open clocks are paused). */
  readonly paused: boolean;
  readonly tto: SlaTimer;
  readonly ttr: SlaTimer;
  readonly state: SlaState;
  /** Remaining business minutes of each commitment, negative when late. */
  readonly remaining: { readonly own: number; readonly resolve: number };
};

// ---------------------------------------------------------------------------------------------
// Business time in milliseconds (instants are not always on whole minutes)

function businessMs(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  return Math.round(businessMinutesBetween(calendar, new Date(from), new Date(to)) * MINUTE_MS);
}

/**
 * {@link addBusinessMinutes} for any whole number of milliseconds: whole minutes first, then the
 * rest, skipping closed time (a start that is not on a whole minute may leave less than a minute
 * before a closing).
 */
function addBusinessMs(calendar: BusinessCalendar, start: number, ms: number): number {
  const minutes = Math.floor(ms / MINUTE_MS);
  let rest = ms - minutes * MINUTE_MS;
  let at = addBusinessMinutes(calendar, new Date(start), minutes).getTime();
  while (rest > 0) {
    const from = nextOpening(calendar, new Date(at)).getTime();
    const counted = businessMs(calendar, from, from + rest);
    at = from + rest;
    rest -= counted;
  }
  return at;
}

// ---------------------------------------------------------------------------------------------
// Clocks

type Point = { readonly at: number; readonly status: TicketStatus };
type Timeline = { readonly createdAt: number; readonly now: number; readonly points: readonly Point[] };

function timeOf(date: Date, name: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${name} is an invalid date`);
  return time;
}

/** The ticket's statuses from its creation to `now`: the first point is the creation. */
function timelineOf(facts: SlaFacts, now: Date): Timeline {
  const createdAt = timeOf(facts.createdAt, "createdAt");
  const nowTime = Math.max(createdAt, timeOf(now, "now"));
  const changes = facts.statusChanges
    .map((change, index) => ({ at: Math.max(createdAt, timeOf(change.at, "a status change")), index, change }))
    .sort((x, y) => x.at - y.at || x.index - y.index);
  const points: Point[] = [{ at: createdAt, status: changes[0]?.change.from ?? "new" }];
  for (const { at, change } of changes) {
    if (at <= nowTime) points.push({ at, status: change.to });
  }
  return { createdAt, now: nowTime, points };
}

const RESOLVED: ReadonlySet<TicketStatus> = new Set(["resolved", "closed"]);

type Stop = { readonly at: number; readonly met: boolean };
type Segment = { readonly from: number; readonly running: boolean; readonly businessMs: number };

type Clock = {
  readonly segments: readonly Segment[];
  /** Where counting ends: the stop, or `now`. */
  readonly end: number;
  readonly stop: Stop | null;
  readonly paused: boolean;
  readonly usedMs: number;
  readonly pausedMs: number;
};

/** Splits `[createdAt, end)` into running and paused segments. */
function clockOf(calendar: BusinessCalendar, timeline: Timeline, stop: Stop | null, pausedWhile: (status: TicketStatus) => boolean): Clock {
  const end = stop?.at ?? timeline.now;
  const segments: Segment[] = [];
  let usedMs = 0;
  let pausedMs = 0;
  let current: TicketStatus = timeline.points[0]!.status;
  timeline.points.forEach((point, index) => {
    if (point.at <= end) current = point.status;
    const from = point.at;
    const to = Math.min(end, timeline.points[index + 1]?.at ?? end);
    if (from >= to) return;
    const running = !pausedWhile(point.status);
    const ms = businessMs(calendar, from, to);
    segments.push({ from, running, businessMs: ms });
    if (running) usedMs += ms;
    else pausedMs += ms;
  });
  return { segments, end, stop, paused: stop === null && pausedWhile(current), usedMs, pausedMs };
}

/**
 * The instant at which the clock reaches `thresholdMs` of business time: inside the history when it
 * already has, else projected as if it ran from the end of the history on (from `now` when running
 * or paused, from the stop when stopped).
 */
function reach(calendar: BusinessCalendar, clock: Clock, thresholdMs: number): number {
  let counted = 0;
  for (const segment of clock.segments) {
    if (!segment.running) continue;
    if (counted + segment.businessMs >= thresholdMs) return addBusinessMs(calendar, segment.from, thresholdMs - counted);
    counted += segment.businessMs;
  }
  return addBusinessMs(calendar, clock.end, thresholdMs - counted);
}

/** The first instant the ticket entered one of the statuses, or null. */
function firstEntry(timeline: Timeline, statuses: ReadonlySet<TicketStatus>): number | null {
  return timeline.points.find((point, index) => index > 0 && statuses.has(point.status))?.at ?? null;
}

const CANCELLED: ReadonlySet<TicketStatus> = new Set(["cancelled"]);

/**
 * TTO: met at the earliest of taking in charge, first public reply, or resolution (a ticket
 * resolved without either was handled all the same); paused while waiting for the requester.
 */
function ownClock(calendar: BusinessCalendar, timeline: Timeline, facts: SlaFacts): Clock {
  const candidates = [facts.firstTakenAt, facts.firstPublicReplyAt]
    .filter((date): date is Date => date !== null)
    .map((date) => Math.max(timeline.createdAt, timeOf(date, "a first-taken or first-reply instant")));
  const resolvedAt = firstEntry(timeline, RESOLVED);
  if (resolvedAt !== null) candidates.push(resolvedAt);
  const metAt = Math.min(...candidates.filter((at) => at <= timeline.now));
  const cancelledAt = firstEntry(timeline, CANCELLED);
  const stop: Stop | null =
    Number.isFinite(metAt) && (cancelledAt === null || metAt <= cancelledAt)
      ? { at: metAt, met: true }
      : cancelledAt !== null
        ? { at: cancelledAt, met: false }
        : null;
  return clockOf(calendar, timeline, stop, (status) => status === "waiting_requester");
}

/**
 * TTR: met when the ticket is resolved, at the start of its current resolved (then closed)
 * stretch. A resolved ticket that is reopened was not really resolved: the time it spent resolved
 * counts as a pause (the requester had the ball: confirm or reopen), and the clock resumes from the
 * reopening with the business time that was left. A ticket resolved after its deadline was
 * breached, and stays so when reopened.
 */
function resolveClock(calendar: BusinessCalendar, timeline: Timeline): Clock {
  const points = timeline.points;
  const last = points[points.length - 1]!;
  let stop: Stop | null = null;
  if (last.status === "cancelled") {
    stop = { at: last.at, met: false };
  } else if (RESOLVED.has(last.status)) {
    let index = points.length - 1;
    while (index > 0 && RESOLVED.has(points[index - 1]!.status)) index--;
    stop = { at: points[index]!.at, met: true };
  }
  return clockOf(calendar, timeline, stop, (status) => status === "waiting_requester" || RESOLVED.has(status));
}

function timerOf(calendar: BusinessCalendar, clock: Clock, targetMinutes: number): SlaTimer {
  const targetMs = targetMinutes * MINUTE_MS;
  const dueAt = reach(calendar, clock, targetMs);
  let state: SlaTimerState;
  if (clock.stop) {
    if (clock.stop.met) state = clock.stop.at <= dueAt ? "met" : "breached";
    else state = clock.stop.at > dueAt ? "breached" : "cancelled";
  } else if (clock.end >= dueAt) {
    state = "breached";
  } else {
    state = clock.usedMs * 100 >= AT_RISK_PERCENT * targetMs ? "at_risk" : "ok";
  }
  return {
    state,
    dueAt: new Date(dueAt),
    metAt: clock.stop?.met ? new Date(clock.stop.at) : null,
    stoppedAt: clock.stop ? new Date(clock.stop.at) : null,
    paused: clock.paused,
    targetMinutes,
    usedMinutes: clock.usedMs / MINUTE_MS,
    pausedMinutes: clock.pausedMs / MINUTE_MS,
    remainingMinutes: (targetMs - clock.usedMs) / MINUTE_MS,
  };
}

type Analysis = { readonly timeline: Timeline; readonly own: Clock; readonly resolve: Clock };

function analyse(calendar: BusinessCalendar, commitment: SlaCommitment, facts: SlaFacts, now: Date): Analysis {
  assertCommitment(commitment, "SLA commitment");
  const timeline = timelineOf(facts, now);
  return { timeline, own: ownClock(calendar, timeline, facts), resolve: resolveClock(calendar, timeline) };
}

/**
 * The SLA of a ticket at `now`: both deadlines, the time paused, the state of each commitment and
 * of the ticket, and the business time left. `commitment` comes from {@link commitmentFor} (a
 * ticket without commitment has no SLA: do not call this). Throws a RangeError on an invalid date
 * or commitment.
 */
export function computeSla(calendar: BusinessCalendar, commitment: SlaCommitment, facts: SlaFacts, now: Date): SlaStatus {
  const { timeline, own, resolve } = analyse(calendar, commitment, facts, now);
  const tto = timerOf(calendar, own, commitment.own);
  const ttr = timerOf(calendar, resolve, commitment.resolve);
  const running = [tto, ttr].filter((timer) => timer.stoppedAt === null).map((timer) => timer.state);
  const state: SlaState = running.includes("breached") ? "breached" : running.includes("at_risk") ? "at_risk" : "ok";
  const waiting = clockOf(calendar, timeline, null, (status) => status === "waiting_requester");
  return {
    ownBy: tto.dueAt,
    resolveBy: ttr.dueAt,
    pausedMinutes: waiting.pausedMs / MINUTE_MS,
    paused: waiting.paused,
    tto,
    ttr,
    state,
    remaining: { own: tto.remainingMinutes, resolve: ttr.remainingMinutes },
  };
}

// ---------------------------------------------------------------------------------------------
// Alarms and escalations

/**
 * When a warning, a breach or an escalation is due, moved into opening hours: `nextOpening`, so
 * nothing fires at night, on a weekend, a public holiday or during a closure (an instant at a
 * closing time, 17:30, fires at the next opening).
 */
export function alarmFireAt(calendar: BusinessCalendar, dueAt: Date): Date {
  return nextOpening(calendar, dueAt);
}

export type SlaAlarm = {
  readonly timer: "tto" | "ttr";
  /** `warning` at {@link AT_RISK_PERCENT}% of the target, `breach` at 100%. */
  readonly kind: "warning" | "breach";
  /** Stable name of the alarm within a ticket, e.g. "ttr:warning" (add the ticket and `dueAt` for a job id). */
  readonly key: string;
  /** When the clock reaches the threshold. */
  readonly dueAt: Date;
  /** When to fire it: {@link alarmFireAt} of `dueAt`. */
  readonly fireAt: Date;
};

/**
 * The warning (75%) and breach (100%) instants of each commitment whose clock runs now, sorted by
 * `fireAt`. A met, cancelled or paused commitment has none: while paused its deadline is not known
 * yet, so the caller asks again when the ticket comes back. Instants already past are included
 * (a worker rebuilding its jobs must not lose one): schedule each with a delay of
 * `max(0, fireAt - now)` and let the processor skip one already recorded in the journal.
 */
export function slaAlarms(calendar: BusinessCalendar, commitment: SlaCommitment, facts: SlaFacts, now: Date): SlaAlarm[] {
  const { own, resolve } = analyse(calendar, commitment, facts, now);
  const alarms: SlaAlarm[] = [];
  for (const [timer, clock, minutes] of [["tto", own, commitment.own], ["ttr", resolve, commitment.resolve]] as const) {
    if (clock.stop !== null || clock.paused) continue;
    for (const [kind, percent] of [["warning", AT_RISK_PERCENT], ["breach", 100]] as const) {
      const dueAt = new Date(reach(calendar, clock, percentOf(minutes, percent)));
      alarms.push({ timer, kind, key: `${timer}:${kind}`, dueAt, fireAt: alarmFireAt(calendar, dueAt) });
    }
  }
  return alarms.sort((x, y) => x.fireAt.getTime() - y.fireAt.getTime() || x.dueAt.getTime() - y.dueAt.getTime());
}

/** Business milliseconds of `percent`% of a target in minutes. */
function percentOf(minutes: number, percent: number): number {
  return Math.round((minutes * MINUTE_MS * percent) / 100);
}

/**
 * One rung of a team's escalation ladder: who is alerted once the ticket's resolution clock has
 * used this share of its TTR (100 = at the breach). Data, stored per team.
 */
export type EscalationLevel = { readonly level: number; readonly role: Role; readonly afterPercentOfResolve: number };

/** At the breach, the sector lead; after a further 50% of the TTR, the service lead. */
export const DEFAULT_ESCALATION_LEVELS: readonly EscalationLevel[] = Object.freeze([
  Object.freeze({ level: 1, role: "sector_lead", afterPercentOfResolve: 100 }),
  Object.freeze({ level: 2, role: "service_lead", afterPercentOfResolve: 150 }),
] as const);

export type ScheduledEscalation = {
  readonly level: number;
  readonly role: Role;
  /** e.g. "escalation:2" */
  readonly key: string;
  readonly dueAt: Date;
  readonly fireAt: Date;
};

/**
 * Throws a RangeError unless the levels are whole numbers ≥ 1, distinct, with positive finite
 * percentages that do not decrease as the level rises.
 */
export function assertEscalationLevels(levels: readonly EscalationLevel[]): void {
  const sorted = [...levels].sort((x, y) => x.level - y.level);
  sorted.forEach((rung, index) => {
    if (!Number.isSafeInteger(rung.level) || rung.level < 1) throw new RangeError(`Escalation level must be a whole number ≥ 1, got ${rung.level}`);
    if (!Number.isFinite(rung.afterPercentOfResolve) || rung.afterPercentOfResolve <= 0) {
      throw new RangeError(`Escalation level ${rung.level}: afterPercentOfResolve must be positive, got ${rung.afterPercentOfResolve}`);
    }
    const previous = sorted[index - 1];
    if (previous?.level === rung.level) throw new RangeError(`Escalation level ${rung.level} appears twice`);
    if (previous && previous.afterPercentOfResolve > rung.afterPercentOfResolve) {
      throw new RangeError(`Escalation level ${rung.level} comes before level ${previous.level}`);
    }
  });
}

/**
 * When each escalation level is due, on the resolution clock (paused time excluded, like the TTR
 * itself), moved into opening hours; sorted by level. Empty when the TTR is met, cancelled or
 * paused (ask again when the ticket comes back). Levels already past are included: the current
 * level is the highest whose `fireAt` is not after `now`. A missed TTO raises its breach alarm
 * ({@link slaAlarms}); the ladder follows the TTR.
 */
export function escalationSchedule(
  calendar: BusinessCalendar,
  commitment: SlaCommitment,
  facts: SlaFacts,
  now: Date,
  levels: readonly EscalationLevel[] = DEFAULT_ESCALATION_LEVELS,
): ScheduledEscalation[] {
  assertEscalationLevels(levels);
  const { resolve } = analyse(calendar, commitment, facts, now);
  if (resolve.stop !== null || resolve.paused) return [];
  return [...levels]
    .sort((x, y) => x.level - y.level)
    .map(({ level, role, afterPercentOfResolve }) => {
      const dueAt = new Date(reach(calendar, resolve, percentOf(commitment.resolve, afterPercentOfResolve)));
      return { level, role, key: `escalation:${level}`, dueAt, fireAt: alarmFireAt(calendar, dueAt) };
    });
}

// ---------------------------------------------------------------------------------------------
// Vendors

/**
 * A vendor's own repair time: a number of business minutes, or "next business day" (warranty
 * repairs): by the closing of the first business day after the day the ticket was handed over.
 */
export type VendorCommitment = { readonly businessMinutes: number } | { readonly nextBusinessDay: true };

/**
 * The vendor's deadline for a ticket handed over at `since`, on the vendor's calendar.
 * `nextBusinessDay` counts from the local date of `since`, whatever the hour: handed over on a
 * Monday at 06:00, 10:00 or 19:00 → Tuesday at closing; on a Friday → Monday at closing (or
 * Tuesday when Monday is a holiday); on a Saturday → Monday at closing.
 */
export function vendorDeadline(calendar: BusinessCalendar, commitment: VendorCommitment, since: Date): Date {
  const start = timeOf(since, "since");
  if ("businessMinutes" in commitment) {
    const minutes = commitment.businessMinutes;
    if (!Number.isSafeInteger(minutes) || minutes <= 0) {
      throw new RangeError(`A vendor's repair time must be a positive whole number of business minutes, got ${minutes}`);
    }
    return addBusinessMinutes(calendar, since, minutes);
  }
  const zone = calendar.timeZone;
  const nextDay = DateTime.fromMillis(start, { zone }).startOf("day").plus({ days: 1 });
  const opening = nextOpening(calendar, nextDay.toJSDate()).getTime();
  const dayAfter = DateTime.fromMillis(opening, { zone }).startOf("day").plus({ days: 1 }).toMillis();
  return new Date(addBusinessMs(calendar, opening, businessMs(calendar, opening, dayAfter)));
}

/** One stretch of a ticket waiting for a vendor: from `since` until `endedAt` (null while it waits). */
export type VendorWait = { readonly since: Date; readonly endedAt: Date | null };

export type VendorSlaState = "met" | "ok" | "at_risk" | "breached";

export type VendorSla = {
  readonly dueAt: Date;
  /** `met` when the vendor handed back by the deadline; `breached` (reported against the vendor) once it passes. */
  readonly state: VendorSlaState;
  readonly endedAt: Date | null;
  readonly usedMinutes: number;
  /** Business minutes left before the vendor's deadline, negative when late. */
  readonly remainingMinutes: number;
};

/**
 * The vendor's timer over one wait, at `now`: it runs while the ticket waits for the vendor (it
 * does not pause the ticket's own commitments), at risk from {@link AT_RISK_PERCENT}% of the time
 * between `since` and the deadline.
 */
export function vendorState(calendar: BusinessCalendar, commitment: VendorCommitment, wait: VendorWait, now: Date): VendorSla {
  const since = timeOf(wait.since, "since");
  const nowTime = Math.max(since, timeOf(now, "now"));
  const ended = wait.endedAt !== null && timeOf(wait.endedAt, "endedAt") <= nowTime ? Math.max(since, wait.endedAt.getTime()) : null;
  const dueAt = vendorDeadline(calendar, commitment, wait.since).getTime();
  const totalMs = businessMs(calendar, since, dueAt);
  const usedMs = businessMs(calendar, since, ended ?? nowTime);
  let state: VendorSlaState;
  if (ended !== null) state = ended <= dueAt ? "met" : "breached";
  else if (nowTime >= dueAt) state = "breached";
  else state = usedMs * 100 >= AT_RISK_PERCENT * totalMs ? "at_risk" : "ok";
  return {
    dueAt: new Date(dueAt),
    state,
    endedAt: ended === null ? null : new Date(ended),
    usedMinutes: usedMs / MINUTE_MS,
    remainingMinutes: (totalMs - usedMs) / MINUTE_MS,
  };
}

/** The stretches a ticket spent waiting for a vendor, up to `now`, in order (the last may be open). */
export function vendorWaits(facts: SlaFacts, now: Date): VendorWait[] {
  const { points } = timelineOf(facts, now);
  const waits: VendorWait[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (point.status !== "waiting_vendor" || previous?.status === "waiting_vendor") return;
    const end = points.slice(index + 1).find((next) => next.status !== "waiting_vendor");
    waits.push({ since: new Date(point.at), endedAt: end ? new Date(end.at) : null });
  });
  return waits;
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * Remaining business time in French: "reste 2 h 30 ouvrées", "dépassé de 45 min ouvrées", and
 * "échéance atteinte" when less than a whole minute has passed since the deadline. Time left is
 * rounded up and lateness down, so the text never says "reste 0 min" before the deadline nor
 * "dépassé de 0 min" after it.
 */
export function formatRemaining(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`Expected a number of minutes, got ${minutes}`);
  if (minutes > 0) return `reste ${formatBusinessDuration(Math.ceil(minutes))}`;
  const late = Math.floor(-minutes);
  return late >= 1 ? `dépassé de ${formatBusinessDuration(late)}` : "échéance atteinte";
}
