import type { Executor } from "@/db/client";
import {
  staffNewsCandidates,
  ticketNotificationFacts,
  type MailablePerson,
  type StaffNewsCandidate,
} from "@/db/queries/staff-notifications";
import { notifications } from "@/db/schema";
import { writeLetters, type Letter } from "../mail/write-outbox";
import { planNotifications, type PlannedNotification, type StaffNotificationKind } from "@/lib/domain/staff-notifications";
import type { RenderedEmail } from "@/lib/mail/templates";

/** Who a staff notification is addressed to: people by name, and teams whose members are concerned. */
export type StaffAudience = { kind: StaffNotificationKind; direct: string[]; teamIds: string[] };

export type StaffNews = StaffAudience & { ticketId: string; eventId: number; actorId: string | null; outboxKind: string };

/** The e-mail "each time" for one recipient (the caller renders it: the ticket's wording lives there). */
export type ImmediateEmail = (recipient: MailablePerson) => RenderedEmail;

/** Who is told of one piece of news and how, with the addresses of the "each time" ones: the reads, before any write. */
export type StaffNewsPlan = { planned: PlannedNotification[]; mailable: MailablePerson[] };

/**
 * The reads of one piece of news (lib/domain/staff-notifications.ts decides who and how), from what the news depends on
 * of its ticket (its school, whether it was opened in a critical period). On `db`, the pool or a transaction: a
 * filing plans before its transaction, for a ticket it has not written yet.
 */
export async function planStaffNews(
  db: Executor,
  news: StaffAudience & { actorId: string | null },
  ticket: { establishmentId: string; criticalPeriodId: string | null },
): Promise<StaffNewsPlan> {
  // One statement: a filing plans its news before its transaction, on the hot path.
  const candidates = await staffNewsCandidates(db, { direct: news.direct, teamIds: news.teamIds, establishmentId: ticket.establishmentId });
  const ids = (concerned: (candidate: StaffNewsCandidate) => boolean) => candidates.filter(concerned).map((candidate) => candidate.id);
  const planned = planNotifications({
    kind: news.kind,
    actorId: news.actorId,
    direct: ids((candidate) => candidate.direct),
    team: ids((candidate) => candidate.team),
    referentId: ids((candidate) => candidate.referent)[0] ?? null,
    critical: ticket.criticalPeriodId !== null,
    preferences: new Map(candidates.flatMap((candidate) => (candidate.preferences ? [[candidate.id, candidate.preferences]] : []))),
  });
  const immediate = new Set(planned.filter((plan) => plan.delivery === "immediate").map((plan) => plan.recipientId));
  const mailable = candidates.filter((candidate) => immediate.has(candidate.id)).map(({ id, email, name }) => ({ id, email, name }));
  return { planned, mailable };
}

/**
 * Inside the caller's transaction: the in-app rows of a planned piece of news, and the letters of its "each time"
 * e-mails, key `${outboxKind}:${eventId}:${recipient}`, for the caller to write with others in one statement. A
 * retried action writes nothing twice (unique event, kind, recipient; the outbox's key): only those whose in-app row
 * this call wrote get a letter.
 */
export async function writeStaffNotifications(
  tx: Executor,
  news: StaffNews,
  plan: StaffNewsPlan,
  email: ImmediateEmail,
  now: Date,
): Promise<Letter[]> {
  const insert = staffNotificationsInsert(tx, news, plan, now);
  if (!insert) return [];
  const written = await insert.returning({ recipientId: notifications.recipientId, delivery: notifications.delivery });
  const immediate = new Set(written.filter((row) => row.delivery === "immediate").map((row) => row.recipientId));
  return staffLetters(
    news,
    plan.mailable.filter((person) => immediate.has(person.id)),
    email,
  );
}

/** The INSERT of a planned piece of news's in-app rows, unrun (skipping those already written); null when nobody is told. */
export function staffNotificationsInsert(db: Executor, news: StaffNews, plan: StaffNewsPlan, now: Date) {
  if (plan.planned.length === 0) return null;
  return db
    .insert(notifications)
    .values(
      plan.planned.map((planned) => ({
        recipientId: planned.recipientId,
        kind: planned.kind,
        ticketId: news.ticketId,
        eventId: news.eventId,
        actorId: news.actorId,
        delivery: planned.delivery,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** The "each time" letters of a piece of news to `people`, key `${outboxKind}:${eventId}:${recipient}`. */
export function staffLetters(news: StaffNews, people: MailablePerson[], email: ImmediateEmail): Letter[] {
  return people.map((person) => ({
    id: person.id,
    email: person.email,
    letter: { idempotencyKey: `${news.outboxKind}:${news.eventId}:${person.id}`, email: email(person), ticketId: news.ticketId },
  }));
}

/**
 * Inside the caller's transaction: the in-app rows of one piece of news and the outbox rows of its "each time"
 * e-mails (`planStaffNews`, then `writeStaffNews`). Returns the outbox ids written.
 */
export async function recordStaffNotifications(tx: Executor, news: StaffNews, email: ImmediateEmail, now: Date): Promise<string[]> {
  const ticket = await ticketNotificationFacts(tx, news.ticketId);
  if (!ticket) return [];
  return writeLetters(tx, await writeStaffNotifications(tx, news, await planStaffNews(tx, news, ticket), email, now), now);
}
