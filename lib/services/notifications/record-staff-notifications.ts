import type { Executor } from "@/db/client";
import {
  activeReferentOf,
  activeStaffAmong,
  activeStaffOfTeams,
  mailablePeople,
  notificationPreferencesOf,
  ticketNotificationFacts,
  type MailablePerson,
} from "@/db/queries/staff-notifications";
import { notifications, outboxEmails } from "@/db/schema";
import { planNotifications, type StaffNotificationKind } from "@/lib/domain/staff-notifications";
import type { RenderedEmail } from "@/lib/mail/templates";

/** Who a staff notification is addressed to: people by name, and teams whose members are concerned. */
export type StaffAudience = { kind: StaffNotificationKind; direct: string[]; teamIds: string[] };

export type StaffNews = StaffAudience & { ticketId: string; eventId: number; actorId: string | null; outboxKind: string };

/** The e-mail "each time" for one recipient (the caller renders it: the ticket's wording lives there). */
export type ImmediateEmail = (recipient: MailablePerson) => RenderedEmail;

/**
 * Inside the caller's transaction: the in-app rows of one piece of news (lib/domain/staff-notifications.ts decides who
 * and how) and the outbox rows of the "each time" e-mails, key `${outboxKind}:${eventId}:${recipient}`. A retried
 * action writes nothing twice (unique event, kind, recipient; the outbox's key). Returns the outbox ids written.
 */
export async function recordStaffNotifications(tx: Executor, news: StaffNews, email: ImmediateEmail, now: Date): Promise<string[]> {
  const ticket = await ticketNotificationFacts(tx, news.ticketId);
  if (!ticket) return [];
  const referentId = await activeReferentOf(tx, ticket.establishmentId);
  const direct = await activeStaffAmong(tx, news.direct);
  const team = await activeStaffOfTeams(tx, news.teamIds);
  const everyone = [...new Set([...direct, ...team, ...(referentId ? [referentId] : [])])];
  const planned = planNotifications({
    kind: news.kind,
    actorId: news.actorId,
    direct,
    team,
    referentId,
    critical: ticket.criticalPeriodId !== null,
    preferences: await notificationPreferencesOf(tx, everyone),
  });
  if (planned.length === 0) return [];

  const written = await tx
    .insert(notifications)
    .values(
      planned.map((plan) => ({
        recipientId: plan.recipientId,
        kind: plan.kind,
        ticketId: news.ticketId,
        eventId: news.eventId,
        actorId: news.actorId,
        delivery: plan.delivery,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ recipientId: notifications.recipientId, delivery: notifications.delivery });

  const immediate = written.filter((row) => row.delivery === "immediate").map((row) => row.recipientId);
  if (immediate.length === 0) return [];
  const people = await mailablePeople(tx, immediate);
  const rows = people.map((person) => {
    const rendered = email(person);
    return {
      idempotencyKey: `${news.outboxKind}:${news.eventId}:${person.id}`,
      ticketId: news.ticketId,
      recipientId: person.id,
      toAddress: person.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      createdAt: now,
    };
  });
  const outbox = await tx
    .insert(outboxEmails)
    .values(rows)
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning({ id: outboxEmails.id });
  return outbox.map((row) => row.id);
}
