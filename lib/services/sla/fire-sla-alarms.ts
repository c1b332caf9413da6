import { eq, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { ticketEvents, tickets } from "@/db/schema";
import { activeHoldersOf, alarmTicket } from "@/db/queries/ticket-sla";
import { storedText } from "@/i18n/text";
import { alarmText } from "@/lib/domain/sla-alarm-text";
import { dueAlarms, type PlannedAlarm } from "@/lib/domain/sla-plan";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications, type TicketNotification } from "../mail/notifications";
import { readSla, slaAt, slaChange, storeSla } from "./refresh-sla";

/** The ticket as its alarms' text needs it, with its deadlines as computed at `now`. */
type AlarmTicket = NonNullable<Awaited<ReturnType<typeof alarmTicket>>> & { ownBy: Date | null; resolveBy: Date | null };

/**
 * Records one due alarm in the journal under its idempotency key, with its side effects (the
 * escalation level, the e-mail). Returns the notification to send, or null when another run
 * already recorded it: whatever the number of jobs, an alarm acts once.
 */
async function recordAlarm(tx: Executor, ticket: AlarmTicket, alarm: PlannedAlarm, now: Date): Promise<TicketNotification | null> {
  const people = alarm.kind === "escalation" ? await activeHoldersOf(tx, alarm.role, ticket.zoneId) : [];
  const lines = alarmText(alarm, {
    ownBy: ticket.ownBy,
    resolveBy: ticket.resolveBy,
    people: people.map((person) => person.name),
    vendorName: ticket.vendorName,
  });
  const text = {
    headline: storedText(lines.headline.message, lines.headline.values),
    body: storedText(lines.body.message, lines.body.values),
  };
  const escalation = alarm.kind === "escalation";
  const [event] = await tx
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      kind: escalation ? "escalated" : "sla",
      visibility: "internal",
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
    })
    .onConflictDoNothing()
    .returning({ id: ticketEvents.id });
  if (!event) return null;
  if (escalation) {
    await tx
      .update(tickets)
      .set({ escalationLevel: sql`greatest(${tickets.escalationLevel}, ${alarm.level})` })
      .where(eq(tickets.id, ticket.id));
  }
  return { kind: escalation ? "sla_escalated" : "sla_alert", ticketId: ticket.id, eventId: event.id };
}

/**
 * What a checkSla job does: a job is a reminder, PostgreSQL is the truth. Locks the ticket, reads its
 * SLA facts once, records every alarm that is due at `now` and not yet recorded, then stores its SLA
 * at `now` (which stores at_risk / breached) with those alarms out of the pending list, and after
 * commit sends the e-mails and holds the jobs of what remains. Returns the keys of the alarms it recorded.
 */
export async function fireDueSlaAlarms(ticketId: string, now: Date): Promise<string[]> {
  const outcome = await database().transaction(async (tx) => {
    const [locked] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId)).for("update");
    if (!locked) return null;
    const read = await readSla(tx, ticketId, now);
    if (!read) return null;
    const at = slaAt(read.loaded, now);
    const before = slaChange(read.loaded, read.recorded, now, at);
    const due = dueAlarms(before.schedule.alarms, now);
    if (due.length === 0) return { fired: [], outboxIds: [], slaSchedules: [await storeSla(tx, read.loaded, read.recorded, now, at)] };
    const ticket = { ...(await alarmTicket(tx, ticketId))!, ownBy: before.set.ownBy ?? null, resolveBy: before.set.resolveBy ?? null };
    const notifications: TicketNotification[] = [];
    const fired: string[] = [];
    for (const alarm of due) {
      const notification = await recordAlarm(tx, ticket, alarm, now);
      if (!notification) continue;
      notifications.push(notification);
      fired.push(alarm.key);
    }
    // Recording an alarm changes none of the facts read above: the due ones leave the pending list, and what is
    // left is what the worker must hold.
    const after = await storeSla(tx, read.loaded, new Set([...read.recorded, ...due.map((alarm) => alarm.key)]), now, at);
    return { fired, outboxIds: await recordTicketNotifications(tx, notifications, now), slaSchedules: [after] };
  });
  if (!outcome) return [];
  await afterCommit(outcome);
  return outcome.fired;
}
