import { eq, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { ticketEvents, tickets } from "@/db/schema";
import { activeHoldersOf, alarmZonesOf, lockDueTickets, recordedAlarmKeysOf } from "@/db/queries/ticket-sla";
import { storedText } from "@/i18n/text";
import { alarmText } from "@/lib/domain/sla-alarm-text";
import { dueAlarms, type PlannedAlarm } from "@/lib/domain/sla-plan";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications, type TicketNotification } from "../mail/notifications";
import { slaAt, slaChange, storeSla, type SlaAt } from "./refresh-sla";
import { loadManySlaFacts, type TicketSlaFacts } from "./sla-facts";

/** One ticket being checked: its facts, the alarms its journal holds, its SLA at `now` and the alarms due. */
type Check = {
  loaded: TicketSlaFacts;
  recorded: ReadonlySet<string>;
  at: SlaAt;
  due: PlannedAlarm[];
  ownBy: Date | null;
  resolveBy: Date | null;
};

/** The journal entry of one due alarm under its idempotency key, as its text says it with the people it names. */
function alarmEntry(check: Check, alarm: PlannedAlarm, people: { id: string; name: string }[], now: Date) {
  const lines = alarmText(alarm, {
    ownBy: check.ownBy,
    resolveBy: check.resolveBy,
    people: people.map((person) => person.name),
    vendorName: check.loaded.vendorName,
  });
  const text = {
    headline: storedText(lines.headline.message, lines.headline.values),
    body: storedText(lines.body.message, lines.body.values),
  };
  const escalation = alarm.kind === "escalation";
  return {
    ticketId: check.loaded.ticket.id,
    kind: escalation ? ("escalated" as const) : ("sla" as const),
    visibility: "internal" as const,
    authorId: null,
    body: text.body,
    createdAt: now,
    idempotencyKey: alarm.key,
    data: {
      alarm: alarm.kind,
      key: alarm.key,
      dueAt: alarm.dueAt.toISOString(),
      headline: text.headline,
      ...("timer" in alarm ? { timer: alarm.timer } : {}),
      ...(escalation
        ? {
            target: "sla",
            level: alarm.level,
            role: alarm.role,
            targetLabel: text.headline,
            notifyUserIds: people.map((person) => person.id),
          }
        : {}),
    },
  };
}

/**
 * Checks locked tickets at `now`, in the caller's transaction: reads their SLA facts in a few set-based statements,
 * records every alarm due and not yet recorded (one journal entry per idempotency key, so an alarm acts once whatever
 * the number of jobs), raises the escalation levels, records the e-mails, and stores each ticket's SLA at `now` (which
 * stores at_risk / breached) with those alarms out of its pending list. Returns the keys recorded by ticket, the outbox
 * rows and the schedules to hand to `afterCommit`.
 */
async function checkLocked(tx: Executor, ticketIds: readonly string[], now: Date) {
  const loaded = await loadManySlaFacts(tx, ticketIds, now);
  const recorded = await recordedAlarmKeysOf(tx, ticketIds);
  const checks: Check[] = loaded.map((facts) => {
    const keys = recorded.get(facts.ticket.id)!;
    const at = slaAt(facts, now);
    const { set, schedule } = slaChange(facts, keys, now, at);
    return {
      loaded: facts,
      recorded: keys,
      at,
      due: dueAlarms(schedule.alarms, now),
      ownBy: set.ownBy ?? null,
      resolveBy: set.resolveBy ?? null,
    };
  });
  const alarmed = checks.filter((check) => check.due.length > 0);

  const entries: ReturnType<typeof alarmEntry>[] = [];
  if (alarmed.length > 0) {
    const zones = await alarmZonesOf(
      tx,
      alarmed.map((check) => check.loaded.ticket.id),
    );
    const holders = new Map<string, { id: string; name: string }[]>();
    for (const check of alarmed) {
      for (const alarm of check.due) {
        let people: { id: string; name: string }[] = [];
        if (alarm.kind === "escalation") {
          const zoneId = zones.get(check.loaded.ticket.id)!;
          const known = `${alarm.role}:${zoneId}`;
          people = holders.get(known) ?? (await activeHoldersOf(tx, alarm.role, zoneId));
          holders.set(known, people);
        }
        entries.push(alarmEntry(check, alarm, people, now));
      }
    }
  }
  // The recorded keys were read under the tickets' locks; the idempotency key still guards each entry: one that exists acts no more.
  const written = entries.length
    ? await tx
        .insert(ticketEvents)
        .values(entries)
        .onConflictDoNothing()
        .returning({ id: ticketEvents.id, ticketId: ticketEvents.ticketId, key: ticketEvents.idempotencyKey })
    : [];
  const writtenIds = new Map(written.map((row) => [`${row.ticketId}:${row.key}`, row.id]));

  const fired = new Map<string, string[]>();
  const notifications: TicketNotification[] = [];
  for (const entry of entries) {
    const eventId = writtenIds.get(`${entry.ticketId}:${entry.idempotencyKey}`);
    if (eventId === undefined) continue;
    const escalation = entry.kind === "escalated";
    if (escalation) {
      await tx
        .update(tickets)
        .set({ escalationLevel: sql`greatest(${tickets.escalationLevel}, ${entry.data.level!})` })
        .where(eq(tickets.id, entry.ticketId));
    }
    notifications.push({ kind: escalation ? "sla_escalated" : "sla_alert", ticketId: entry.ticketId, eventId });
    fired.set(entry.ticketId, [...(fired.get(entry.ticketId) ?? []), entry.idempotencyKey]);
  }
  const outboxIds = await recordTicketNotifications(tx, notifications, now);
  // Recording an alarm changes none of the facts read above: the due ones leave the pending list, and what is
  // left is what the worker must hold.
  const slaSchedules = [];
  for (const check of checks) {
    const keys = new Set([...check.recorded, ...check.due.map((alarm) => alarm.key)]);
    slaSchedules.push(await storeSla(tx, check.loaded, keys, now, check.at));
  }
  return { fired, outboxIds, slaSchedules };
}

/**
 * What a checkSla job does: a job is a reminder, PostgreSQL is the truth. Locks the ticket, and up to `alongside`
 * other tickets whose next check has come at `now` and that no other transaction holds (in a burst, their own jobs then
 * find their alarms recorded and are removed with them); checks them all in that one transaction (`checkLocked`), and
 * after commit sends the e-mails and holds the jobs of what remains. Returns the keys of the alarms recorded by ticket.
 */
export async function checkDueTickets(ticketId: string, now: Date, alongside: number): Promise<Map<string, string[]>> {
  const outcome = await database().transaction(async (tx) => {
    const [locked] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId)).for("update");
    if (!locked) return null;
    const others = alongside > 0 ? await lockDueTickets(tx, now, ticketId, alongside) : [];
    return checkLocked(tx, [ticketId, ...others], now);
  });
  if (!outcome) return new Map();
  await afterCommit(outcome);
  return outcome.fired;
}

/** Checks one ticket alone at `now` (`checkDueTickets`); returns the keys of the alarms it recorded. */
export async function fireDueSlaAlarms(ticketId: string, now: Date): Promise<string[]> {
  return (await checkDueTickets(ticketId, now, 0)).get(ticketId) ?? [];
}
