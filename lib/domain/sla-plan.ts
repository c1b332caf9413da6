/**
 * The SLA alarms of one ticket, each with a stable key: what the worker schedules as delayed jobs
 * and records, once, in the journal. Pure: the facts, the calendar and `now` are arguments.
 *
 * - `warning`: a commitment (TTO or TTR) has used 75% of its target; the assignee, or the team, is warned.
 * - `breach`: a commitment's deadline has passed; recorded and told to the same people.
 * - `escalation`: the ticket climbs one rung of its team's ladder. The first rung is due at the
 *   first breach of either commitment (seed 003 §7.4.2: when the referent technician does not
 *   answer, the school turns to the sector lead), the others on the TTR clock (e.g. +50% of TTR).
 * - `vendor_breach`: the vendor the ticket waits for has passed its own repair time.
 *
 * Keys: warnings and breaches carry the instant they are due, so a deadline that moves (a pause,
 * a new priority) gives new alarms while one already recorded is never recorded again; an
 * escalation rung is climbed once per ticket, whenever it falls due.
 */
import type { BusinessCalendar } from "./business-calendar";
import type { SlaFacts } from "./sla";
import { alarmFireAt, escalationSchedule, slaAlarms, type EscalationLevel } from "./sla-alarms";
import type { SlaCommitment } from "./sla-commitment";
import { vendorDeadline, type VendorCommitment, type VendorWait } from "./sla-vendor";
import type { Role } from "./vocabulary";

export type PlannedAlarm =
  | {
      readonly kind: "warning" | "breach";
      readonly timer: "tto" | "ttr";
      readonly key: string;
      readonly dueAt: Date;
      readonly fireAt: Date;
    }
  | {
      readonly kind: "escalation";
      readonly level: number;
      readonly role: Role;
      readonly key: string;
      readonly dueAt: Date;
      readonly fireAt: Date;
    }
  | { readonly kind: "vendor_breach"; readonly key: string; readonly dueAt: Date; readonly fireAt: Date };

export type VendorTimer = { readonly calendar: BusinessCalendar; readonly commitment: VendorCommitment; readonly wait: VendorWait };

export type SlaPlanInput = {
  readonly calendar: BusinessCalendar;
  /** Null when the ticket has no commitment (hors périmètre): only the vendor's timer may run. */
  readonly commitment: SlaCommitment | null;
  readonly facts: SlaFacts;
  readonly levels: readonly EscalationLevel[];
  /** The vendor's timer of the wait under way, when the ticket waits for a vendor with a repair time. */
  readonly vendor: VendorTimer | null;
  readonly now: Date;
};

/** Every alarm of the ticket's current schedule, past ones included, sorted by `fireAt`. */
export function plannedAlarms(input: SlaPlanInput): PlannedAlarm[] {
  const { calendar, commitment, facts, levels, vendor, now } = input;
  const planned: PlannedAlarm[] = [];
  if (commitment) {
    const alarms = slaAlarms(calendar, commitment, facts, now);
    for (const alarm of alarms) {
      planned.push({
        kind: alarm.kind,
        timer: alarm.timer,
        key: `${alarm.timer}-${alarm.kind}-${alarm.dueAt.getTime()}`,
        dueAt: alarm.dueAt,
        fireAt: alarm.fireAt,
      });
    }
    const firstBreach = alarms.filter((alarm) => alarm.kind === "breach").sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime())[0];
    const ladder = escalationSchedule(calendar, commitment, facts, now, levels);
    // The TTO never runs without the TTR (a pause stops both, a resolution meets both), so the ladder is there when a TTO breach is.
    const first = ladder[0];
    ladder.forEach((rung) => {
      const dueAt = rung === first && firstBreach && firstBreach.dueAt < rung.dueAt ? firstBreach.dueAt : rung.dueAt;
      planned.push({
        kind: "escalation",
        level: rung.level,
        role: rung.role,
        key: `escalation-${rung.level}`,
        dueAt,
        fireAt: alarmFireAt(calendar, dueAt),
      });
    });
  }
  if (vendor && vendor.wait.endedAt === null) {
    const dueAt = vendorDeadline(vendor.calendar, vendor.commitment, vendor.wait.since);
    planned.push({ kind: "vendor_breach", key: `vendor-breach-${dueAt.getTime()}`, dueAt, fireAt: alarmFireAt(calendar, dueAt) });
  }
  return planned.sort((x, y) => x.fireAt.getTime() - y.fireAt.getTime() || x.key.localeCompare(y.key));
}

/** The alarms not recorded yet: what the worker still has to fire, now or later. */
export function pendingAlarms(planned: readonly PlannedAlarm[], recordedKeys: ReadonlySet<string>): PlannedAlarm[] {
  return planned.filter((alarm) => !recordedKeys.has(alarm.key));
}

/** The pending alarms whose time has come. */
export function dueAlarms(pending: readonly PlannedAlarm[], now: Date): PlannedAlarm[] {
  return pending.filter((alarm) => alarm.fireAt.getTime() <= now.getTime());
}

/** BullMQ job id of one alarm: the ticket, the version of its deadlines and the alarm (no ':' — BullMQ reserves it). */
export function alarmJobId(ticketId: string, slaVersion: number, alarmKey: string): string {
  return `sla-${ticketId}-v${slaVersion}-${alarmKey}`;
}
