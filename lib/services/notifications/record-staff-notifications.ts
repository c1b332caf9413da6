import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishmentReferents, notificationPreferences, notifications, outboxEmails, teamMembers, tickets, users } from "@/db/schema";
import { planNotifications, type Delivery, type StaffNotificationKind } from "@/lib/domain/staff-notifications";
import type { RenderedEmail } from "@/lib/mail/templates";

/** Who a staff notification is addressed to: people by name, and teams whose members are concerned. */
export type StaffAudience = { kind: StaffNotificationKind; direct: string[]; teamIds: string[] };

export type StaffNews = StaffAudience & { ticketId: string; eventId: number; actorId: string | null; outboxKind: string };

type Person = { id: string; email: string; name: string };

/** The e-mail "each time" for one recipient (the caller renders it: the ticket's wording lives there). */
export type ImmediateEmail = (recipient: Person) => RenderedEmail;

/** Staff only: school staff are never told of the desk's work, whatever team they sit in. */
const staffOnly = () => and(isNull(users.disabledAt), notInArray(users.role, ["requester", "manager"]));

async function concerned(tx: Executor, audience: StaffAudience): Promise<{ direct: string[]; team: string[] }> {
  const direct = audience.direct.length
    ? (await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, audience.direct), staffOnly()))).map((row) => row.id)
    : [];
  const team = audience.teamIds.length
    ? (await tx.selectDistinct({ id: users.id }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(inArray(teamMembers.teamId, audience.teamIds), staffOnly()))).map((row) => row.id)
    : [];
  return { direct, team };
}

async function preferencesOf(tx: Executor, userIds: string[]) {
  const preferences = new Map<string, Partial<Record<StaffNotificationKind, Delivery>>>();
  if (userIds.length === 0) return preferences;
  const rows = await tx.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
  for (const row of rows) preferences.set(row.userId, { ...preferences.get(row.userId), [row.kind]: row.delivery });
  return preferences;
}

/**
 * Inside the caller's transaction: the in-app rows of one piece of news (lib/domain/staff-notifications.ts decides who
 * and how) and the outbox rows of the "each time" e-mails, key `${outboxKind}:${eventId}:${recipient}`. A retried
 * action writes nothing twice (unique event, kind, recipient; the outbox's key). Returns the outbox ids written.
 */
export async function recordStaffNotifications(tx: Executor, news: StaffNews, email: ImmediateEmail, now: Date): Promise<string[]> {
  const [ticket] = await tx.select({ establishmentId: tickets.establishmentId, criticalPeriodId: tickets.criticalPeriodId })
    .from(tickets).where(eq(tickets.id, news.ticketId));
  if (!ticket) return [];
  const [referent] = await tx.select({ id: establishmentReferents.referentId }).from(establishmentReferents)
    .innerJoin(users, eq(users.id, establishmentReferents.referentId))
    .where(and(eq(establishmentReferents.establishmentId, ticket.establishmentId), isNull(users.disabledAt)));
  const { direct, team } = await concerned(tx, news);
  const everyone = [...new Set([...direct, ...team, ...(referent ? [referent.id] : [])])];
  const planned = planNotifications({
    kind: news.kind, actorId: news.actorId, direct, team, referentId: referent?.id ?? null,
    critical: ticket.criticalPeriodId !== null, preferences: await preferencesOf(tx, everyone),
  });
  if (planned.length === 0) return [];

  const written = await tx.insert(notifications).values(planned.map((plan) => ({
    recipientId: plan.recipientId, kind: plan.kind, ticketId: news.ticketId, eventId: news.eventId, actorId: news.actorId, delivery: plan.delivery, createdAt: now,
  }))).onConflictDoNothing().returning({ recipientId: notifications.recipientId, delivery: notifications.delivery });

  const immediate = written.filter((row) => row.delivery === "immediate").map((row) => row.recipientId);
  if (immediate.length === 0) return [];
  const people = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, immediate));
  const rows = people.map((person) => {
    const rendered = email(person);
    return {
      idempotencyKey: `${news.outboxKind}:${news.eventId}:${person.id}`, ticketId: news.ticketId, recipientId: person.id, toAddress: person.email,
      subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, createdAt: now,
    };
  });
  const outbox = await tx.insert(outboxEmails).values(rows).onConflictDoNothing({ target: outboxEmails.idempotencyKey }).returning({ id: outboxEmails.id });
  return outbox.map((row) => row.id);
}
