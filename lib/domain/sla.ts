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
 *   timer (`vendorState`, ./sla-vendor.ts) runs alongside;
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
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween, nextOpening } from "./business-calendar";
import { assertCommitment, AT_RISK_PERCENT, type SlaCommitment } from "./sla-commitment";
import type { TicketStatus } from "./vocabulary";

export const MINUTE_MS = 60_000;

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

export function businessMs(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  return Math.round(businessMinutesBetween(calendar, new Date(from), new Date(to)) * MINUTE_MS);
}

/**
 * {@link addBusinessMinutes} for any whole number of milliseconds: whole minutes first, then the
 * rest, skipping closed time (a start that is not on a whole minute may leave less than a minute
 * before a closing).
 */
export function addBusinessMs(calendar: BusinessCalendar, start: number, ms: number): number {
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
export type Timeline = { readonly createdAt: number; readonly now: number; readonly points: readonly Point[] };

export function timeOf(date: Date, name: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${name} is an invalid date`);
  return time;
}

/** The ticket's statuses from its creation to `now`: the first point is the creation. */
export function timelineOf(facts: SlaFacts, now: Date): Timeline {
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

export type Clock = {
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
export function reach(calendar: BusinessCalendar, clock: Clock, thresholdMs: number): number {
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

export type Analysis = { readonly timeline: Timeline; readonly own: Clock; readonly resolve: Clock };

export function analyse(calendar: BusinessCalendar, commitment: SlaCommitment, facts: SlaFacts, now: Date): Analysis {
  assertCommitment(commitment, "SLA commitment");
  const timeline = timelineOf(facts, now);
  return { timeline, own: ownClock(calendar, timeline, facts), resolve: resolveClock(calendar, timeline) };
}

/**
 * The SLA of a ticket at `now`: both deadlines, the time paused, the state of each commitment and
 * of the ticket, and the business time left. `commitment` comes from `commitmentFor` (./sla-commitment.ts; a
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
