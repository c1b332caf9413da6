import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tickets, vendorWaits } from "@/db/schema";
import { recordedAlarmKeysOf } from "@/db/queries/ticket-sla";
import { computeSla, type SlaStatus, type SlaTimer } from "@/lib/domain/sla";
import { vendorDeadline } from "@/lib/domain/sla-vendor";
import { pendingAlarms, plannedAlarms, type PlannedAlarm } from "@/lib/domain/sla-plan";
import { loadSlaFacts, VENDOR_CALENDAR, type TicketSlaFacts } from "./sla-facts";

/** What the worker must hold for a ticket after a change: its pending alarms, under the version of its deadlines. */
export type SlaSchedule = {
  ticketId: string;
  version: number;
  /** Alarms not recorded yet, past ones included (they fire at once). */
  alarms: PlannedAlarm[];
  /** Jobs of the previous schedule to remove (all of them when the deadlines moved). */
  replaced: { version: number; keys: string[] } | null;
};

/** Whether a stopped commitment was met, and the business minutes it used; nulls while it runs or when cancelled in time. */
function outcome(timer: SlaTimer | undefined): { met: boolean | null; minutes: number | null } {
  if (!timer || timer.stoppedAt === null || timer.state === "cancelled") return { met: null, minutes: null };
  return { met: timer.state === "met", minutes: Math.round(timer.usedMinutes) };
}

/**
 * Recomputes a ticket's SLA from its facts and stores it on the ticket, inside the caller's
 * transaction: call it at the end of every change to a ticket, and hand the returned schedule to
 * `afterCommit`. Stores the deadlines, state, paused time, the outcome of stopped commitments, the
 * vendor waits, and the alarms not yet recorded in the journal (with the earliest, for the
 * reconciliation). `slaVersion` is bumped whenever a deadline moves, so jobs keyed on it can tell
 * a stale schedule.
 */
export async function refreshSla(tx: Executor, ticketId: string, now: Date): Promise<SlaSchedule | null> {
  const read = await readSla(tx, ticketId, now);
  return read && storeSla(tx, read.loaded, read.recorded, now);
}

/** What `refreshSla` reads: the ticket's SLA facts and the keys of the alarms its journal holds; null for no ticket. */
async function readSla(
  tx: Executor,
  ticketId: string,
  now: Date,
): Promise<{ loaded: TicketSlaFacts; recorded: ReadonlySet<string> } | null> {
  const loaded = await loadSlaFacts(tx, ticketId, now);
  return loaded && { loaded, recorded: (await recordedAlarmKeysOf(tx, [ticketId])).get(ticketId)! };
}

/**
 * What `refreshSla` writes, from facts already read in the transaction: the vendor waits and the SLA columns
 * (`slaChange`). The alarm worker reads once, records what is due, then stores with the keys it recorded.
 */
export async function storeSla(
  tx: Executor,
  loaded: TicketSlaFacts,
  recorded: ReadonlySet<string>,
  now: Date,
  at: SlaAt = slaAt(loaded, now),
): Promise<SlaSchedule> {
  const { ticket, vendorCommitment, waits } = loaded;
  if (ticket.vendorId) {
    for (const wait of waits) {
      await tx
        .insert(vendorWaits)
        .values({
          ticketId: ticket.id,
          since: wait.since,
          vendorId: ticket.vendorId,
          endedAt: wait.endedAt,
          dueAt: vendorCommitment ? vendorDeadline(VENDOR_CALENDAR, vendorCommitment, wait.since) : null,
        })
        .onConflictDoUpdate({ target: [vendorWaits.ticketId, vendorWaits.since], set: { endedAt: sql`excluded.ended_at` } });
    }
  }
  const { set, schedule } = slaChange(loaded, recorded, now, at);
  await tx.update(tickets).set(set).where(eq(tickets.id, ticket.id));
  return schedule;
}

/** The SLA columns `slaChange` stores on a ticket. */
export type SlaColumns = Pick<
  typeof tickets.$inferInsert,
  | "ownBy"
  | "resolveBy"
  | "slaPausedMinutes"
  | "slaState"
  | "takenAt"
  | "firstPublicReplyAt"
  | "slaVersion"
  | "slaAlarms"
  | "slaNextCheckAt"
  | "ownMet"
  | "ownedMinutes"
  | "resolveMet"
  | "resolvedMinutes"
>;

/** A ticket's SLA at an instant, from its facts: its commitments' status and every alarm of its schedule, recorded or not. */
export type SlaAt = { status: SlaStatus | null; planned: PlannedAlarm[] };

/** The costly part of `slaChange` (business-time arithmetic), which the alarm worker computes once for two uses. */
export function slaAt(loaded: TicketSlaFacts, now: Date): SlaAt {
  const { facts, settings, commitment, vendorCommitment, waits } = loaded;
  const currentWait = waits.at(-1);
  return {
    status: commitment ? computeSla(settings.calendar, commitment, facts, now) : null,
    planned: plannedAlarms({
      calendar: settings.calendar,
      commitment,
      facts,
      levels: settings.escalationLevels,
      now,
      vendor:
        vendorCommitment && currentWait?.endedAt === null
          ? { calendar: VENDOR_CALENDAR, commitment: vendorCommitment, wait: currentWait }
          : null,
    }),
  };
}

/**
 * What `refreshSla` stores, computed from the ticket's facts and the alarms already recorded: the columns, and the
 * schedule for the worker. A filing writes the columns with the ticket's row (lib/services/tickets/create-ticket.ts).
 */
export function slaChange(
  loaded: TicketSlaFacts,
  recorded: ReadonlySet<string>,
  now: Date,
  { status, planned }: SlaAt = slaAt(loaded, now),
): { set: SlaColumns; schedule: SlaSchedule } {
  const { ticket, facts } = loaded;
  const ticketId = ticket.id;
  const pending = pendingAlarms(planned, recorded);

  const own = outcome(status?.tto);
  const resolve = outcome(status?.ttr);
  const ownBy = status?.ownBy ?? null;
  const resolveBy = status?.resolveBy ?? null;
  const moved = ownBy?.getTime() !== ticket.ownBy?.getTime() || resolveBy?.getTime() !== ticket.resolveBy?.getTime();
  const version = moved ? ticket.slaVersion + 1 : ticket.slaVersion;
  const set: SlaColumns = {
    ownBy,
    resolveBy,
    slaPausedMinutes: status ? Math.round(status.pausedMinutes) : 0,
    slaState: status?.state ?? null,
    takenAt: facts.firstTakenAt,
    firstPublicReplyAt: facts.firstPublicReplyAt,
    slaVersion: version,
    slaAlarms: pending.map((alarm) => ({ key: alarm.key, fireAt: alarm.fireAt.toISOString() })),
    slaNextCheckAt: pending[0]?.fireAt ?? null,
    ownMet: own.met,
    ownedMinutes: own.minutes,
    resolveMet: resolve.met,
    resolvedMinutes: resolve.minutes,
  };

  // Jobs of the previous schedule that no longer stand: all of them when the deadlines moved.
  const kept = new Set(moved ? [] : pending.map((alarm) => alarm.key));
  const dropped = ticket.slaAlarms.map((alarm) => alarm.key).filter((key) => !kept.has(key));
  return {
    set,
    schedule: { ticketId, version, alarms: pending, replaced: dropped.length ? { version: ticket.slaVersion, keys: dropped } : null },
  };
}
