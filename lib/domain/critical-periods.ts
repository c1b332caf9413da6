import { parisDay } from "./business-calendar";
import { higher } from "./routing";
import type { Priority, TicketType } from "./vocabulary";

/** Seed 002's "phases critiques que sont les périodes d'examen": what the Région declares. */
export const CRITICAL_PERIOD_KINDS = ["baccalaureat", "bts", "brevet", "autre"] as const;
export type CriticalPeriodKind = (typeof CRITICAL_PERIOD_KINDS)[number];

export type CriticalPeriod = {
  readonly id: string;
  readonly name: string;
  /** Paris dates, both ends included. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly priorityFloor: Priority;
  /** False: only the schools of `establishmentIds`. */
  readonly allEstablishments: boolean;
  readonly establishmentIds: readonly string[];
};

/** Whether the period is on at this Paris date (YYYY-MM-DD), both ends included. */
export function isOnDay(period: Pick<CriticalPeriod, "startsOn" | "endsOn">, day: string): boolean {
  return period.startsOn <= day && day <= period.endsOn;
}

/** Whether the period is on at this Paris date for this school. */
export function coversSchool(period: CriticalPeriod, establishmentId: string, day: string): boolean {
  return isOnDay(period, day) && (period.allEstablishments || period.establishmentIds.includes(establishmentId));
}

/**
 * The priority of an incident filed at `now` (its Paris date) for a school: raised to the floor of a
 * critical period covering the school when it is lower; the strongest floor wins when periods overlap.
 * Requests are planned work and keep their priority. `period` names the period that raised it (null: unchanged).
 */
export function criticalPeriodPriority(
  periods: readonly CriticalPeriod[],
  ticket: { type: TicketType; establishmentId: string; priority: Priority },
  now: Date,
): { priority: Priority; period: CriticalPeriod | null } {
  if (ticket.type !== "incident") return { priority: ticket.priority, period: null };
  const day = parisDay(now);
  let result: { priority: Priority; period: CriticalPeriod | null } = { priority: ticket.priority, period: null };
  for (const period of periods) {
    if (!coversSchool(period, ticket.establishmentId, day)) continue;
    const raised = higher(result.priority, period.priorityFloor);
    if (raised !== result.priority) result = { priority: raised, period };
  }
  return result;
}
