/**
 * When a ticket's commitments raise alarms (warning at the at-risk share, breach at the deadline)
 * and when its team's escalation ladder is climbed, on the clocks of `computeSla` (./sla.ts). Pure.
 */
import { type BusinessCalendar, nextOpening } from "./business-calendar";
import { analyse, MINUTE_MS, reach, type SlaFacts } from "./sla";
import { AT_RISK_PERCENT, type SlaCommitment } from "./sla-commitment";
import type { Role } from "./vocabulary";

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
  for (const [timer, clock, minutes] of [
    ["tto", own, commitment.own],
    ["ttr", resolve, commitment.resolve],
  ] as const) {
    if (clock.stop !== null || clock.paused) continue;
    for (const [kind, percent] of [
      ["warning", AT_RISK_PERCENT],
      ["breach", 100],
    ] as const) {
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
    if (!Number.isSafeInteger(rung.level) || rung.level < 1)
      throw new RangeError(`Escalation level must be a whole number ≥ 1, got ${rung.level}`);
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
