import type { SQLWrapper } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  eventForEmail,
  schoolRecipients,
  slaRecipients,
  teamRecipients,
  ticketForEmail,
  type Recipient,
} from "@/db/queries/ticket-notifications";
import { createRatingToken } from "@/lib/services/tickets/rating-link";
import { env } from "@/lib/env";
import { ticketEmail, type TicketEmailContent } from "@/lib/mail/templates";
import { staffTicketEmail } from "@/lib/mail/staff-templates";
import { lettersInsert, writeLetters, type Letter } from "./write-outbox";
import {
  planStaffNews,
  staffLetters,
  staffNotificationsInsert,
  writeStaffNotifications,
  type StaffAudience,
  type StaffNews,
  type StaffNewsPlan,
} from "@/lib/services/notifications/record-staff-notifications";
import { bestEffort, producerQueue } from "@/lib/queue/producer";
import { JOBS, type JobPayload } from "@/lib/queue/jobs";

export type TicketNotificationKind =
  | "created"
  | "assigned"
  | "answered"
  | "waiting_requester"
  | "resolved"
  | "closed"
  | "merged"
  | "escalated"
  | "watched"
  | "sla_alert"
  | "sla_escalated"
  | "vendor_message"
  | "visit_planned"
  /** Staff news only (no e-mail to the school): the requester's reply, a ticket moved to another team's queue. */
  | "requester_replied"
  | "reassigned";
export type TicketNotification = { kind: TicketNotificationKind; ticketId: string; eventId: number };

/**
 * The school hears about its ticket (requester and followers); staff hear about tickets their team watches (e.g. the
 * RSSI on security incidents) and SLA alarms here, and of their work (new tickets, assignments, replies, escalations,
 * vendors' messages) through the staff notifications (lib/domain/staff-notifications.ts: in-app, preferences, digests).
 */
const STAFF_KINDS: ReadonlySet<TicketNotificationKind> = new Set(["escalated", "vendor_message", "requester_replied", "reassigned"]);

const AUTHOR_SKIPPED: ReadonlySet<TicketNotificationKind> = new Set(["answered"]);

function recipientsOf(tx: Executor, kind: TicketNotificationKind, ticketId: string): Promise<Recipient[]> {
  if (STAFF_KINDS.has(kind)) return Promise.resolve([]); // staff notifications: recordStaffNotifications
  if (kind === "watched") return teamRecipients(tx, { watchingTicketId: ticketId });
  // An SLA alarm goes to the assignee, or the holding team when nobody holds the ticket, whatever their preferences; the
  // escalation rung's people hear of it as an escalation to them (staffAudienceOf), by their preference.
  if (kind === "sla_alert" || kind === "sla_escalated") return slaRecipients(tx, ticketId);
  return schoolRecipients(tx, ticketId);
}

/** What a ticket's news says and depends on (`ticketForEmail`). */
export type TicketFacts = NonNullable<Awaited<ReturnType<typeof ticketForEmail>>>;
/** The journal entry a piece of news tells (`eventForEmail`). */
export type EventFacts = NonNullable<Awaited<ReturnType<typeof eventForEmail>>>;

/** What the e-mail says, or null when the requester must not get one. Internal notes never reach an e-mail. */
function contentFor(kind: TicketNotificationKind, ticket: TicketFacts, event: EventFacts, now: Date): TicketEmailContent | null {
  const publicBody = event.visibility === "public" ? event.body : null;
  switch (kind) {
    case "created":
      return { kind };
    case "assigned":
      return { kind, teamName: ticket.teamName };
    case "answered":
      // Only someone else's public reply: the requester's own comment needs no e-mail.
      if (event.kind !== "comment" || !publicBody || event.authorId === ticket.requester.id) return null;
      return { kind, reply: publicBody };
    case "waiting_requester":
      return { kind, question: publicBody };
    case "resolved":
      return { kind, resolution: publicBody };
    case "closed":
      return { kind, ratingToken: createRatingToken(ticket.id, now, env().AUTH_SECRET) };
    case "merged":
      return { kind, masterReference: String(event.data.masterReference) };
    case "escalated":
      return { kind, target: String(event.data.targetLabel), reason: event.body ?? "" };
    case "watched":
      return { kind, holdingTeam: ticket.teamName };
    case "vendor_message":
      return { kind, message: event.body ?? "", handedBack: event.data.handBack === true };
    case "sla_alert":
    case "sla_escalated":
      return { kind: "sla", headline: String(event.data.headline), detail: event.body ?? "" };
    case "requester_replied":
    case "reassigned":
      return null;
    case "visit_planned":
      return {
        kind,
        onDate: String(event.data.onDate),
        halfDay: event.data.halfDay === "pm" ? "pm" : "am",
        rescheduled: event.data.rescheduled === true,
      };
  }
}

const idOf = (value: unknown): string | null =>
  typeof value === "object" && value !== null && "id" in value && typeof value.id === "string" ? value.id : null;

/** Which staff are told of a ticket's news, as a staff notification: null when it is the school's news only. */
function staffAudienceOf(kind: TicketNotificationKind, ticket: TicketFacts, event: EventFacts): StaffAudience | null {
  const holders = {
    direct: ticket.assigneeId ? [ticket.assigneeId] : [],
    teamIds: !ticket.assigneeId && ticket.teamId ? [ticket.teamId] : [],
  };
  switch (kind) {
    case "created":
      // The queue the routing chose (and whoever it named); the school's referent is added by the rule.
      return { kind: "new_ticket", direct: holders.direct, teamIds: ticket.teamId ? [ticket.teamId] : [] };
    case "assigned": {
      const assignee = idOf(event.data.assignee);
      return assignee ? { kind: "assigned", direct: [assignee], teamIds: [] } : null;
    }
    case "reassigned":
      return ticket.teamId ? { kind: "escalated", direct: [], teamIds: [ticket.teamId] } : null;
    case "escalated": {
      // To a vendor's queue, to a person (the sector lead), or to a team (which then holds the ticket).
      if (typeof event.data.notifyTeamId === "string") return { kind: "escalated", direct: [], teamIds: [event.data.notifyTeamId] };
      const person = idOf(event.data.assignee);
      return { kind: "escalated", direct: person ? [person] : [], teamIds: !person && ticket.teamId ? [ticket.teamId] : [] };
    }
    case "sla_escalated": {
      // The SLA escalation ladder's rung: the people it names (the sector lead, the service lead…).
      const named = Array.isArray(event.data.notifyUserIds) ? event.data.notifyUserIds.map(String) : [];
      return named.length ? { kind: "escalated", direct: named, teamIds: [] } : null;
    }
    case "requester_replied":
      // A ticket I hold: the school's answer to a ticket nobody holds waits in the queue, where the team sees it.
      return ticket.assigneeId ? { kind: "reply", direct: [ticket.assigneeId], teamIds: [] } : null;
    case "vendor_message":
      // The vendor answers whoever holds the ticket; nobody holding it, the team that escalated it (as before digests).
      return { kind: "reply", ...holders };
    default:
      return null;
  }
}

/** Kinds whose staff e-mail keeps its ticket e-mail (lib/mail/templates.ts); the others are worded in the catalogue. */
const TICKET_EMAIL_KINDS: ReadonlySet<TicketNotificationKind> = new Set(["escalated", "vendor_message", "sla_escalated"]);

/** The "each time" e-mail of a staff notification. */
function staffEmailFor(kind: TicketNotificationKind, audience: StaffAudience, ticket: TicketFacts, event: EventFacts, now: Date) {
  const legacy = TICKET_EMAIL_KINDS.has(kind) ? contentFor(kind, ticket, event, now) : null;
  return (recipient: Recipient) =>
    legacy
      ? ticketEmail({
          appUrl: env().APP_URL,
          reference: ticket.reference,
          title: ticket.title,
          recipientName: recipient.name,
          content: legacy,
        })
      : staffTicketEmail({
          appUrl: env().APP_URL,
          reference: ticket.reference,
          title: ticket.title,
          school: ticket.school,
          recipientName: recipient.name,
          kind: audience.kind as "new_ticket" | "assigned" | "reply",
          quote: audience.kind === "reply" && event.visibility === "public" ? event.body : null,
        });
}

/** One piece of news with everything it needs read: the ticket and journal entry it tells, who hears of it. */
export type ReadNews = {
  kind: TicketNotificationKind;
  eventId: number;
  ticket: TicketFacts;
  event: EventFacts;
  /** The staff told of it (in-app rows, "each time" e-mails), when it is staff news. */
  staff: { audience: StaffAudience; actorId: string | null; plan: StaffNewsPlan } | null;
  /** The ticket e-mail's recipients, when there is one to send. */
  recipients: Recipient[];
};

/**
 * Who hears of one piece of news, from its ticket and journal entry: the staff (`staffAudienceOf`) and the ticket
 * e-mail's recipients. On `db`: the caller's transaction, or the pool for a ticket about to be filed (`recipients`
 * then says who its school's side and watching teams are, as the ticket is not written yet).
 */
export async function readNews(
  db: Executor,
  news: { kind: TicketNotificationKind; eventId: number; ticket: TicketFacts; event: EventFacts },
  recipients: () => Promise<Recipient[]>,
  now: Date,
): Promise<ReadNews> {
  const audience = staffAudienceOf(news.kind, news.ticket, news.event);
  // A phone call's ticket is the contact's words, filed by the technician who took it: they need no news of it.
  const actorId = news.kind === "created" && news.ticket.takenById ? news.ticket.takenById : news.event.authorId;
  // In turn: `db` may be a transaction's one client (pg 9 refuses a query while another is executing on it).
  const plan = audience ? await planStaffNews(db, { ...audience, actorId }, news.ticket) : null;
  const told = contentFor(news.kind, news.ticket, news.event, now) ? await recipients() : [];
  return { ...news, staff: audience && plan ? { audience, actorId, plan } : null, recipients: told };
}

/** The staff news of a piece of news, as its rows are written: its ticket, journal entry and outbox kind. */
const staffNewsOf = ({ kind, eventId, ticket }: ReadNews, staff: NonNullable<ReadNews["staff"]>): StaffNews => ({
  ...staff.audience,
  ticketId: ticket.id,
  eventId,
  actorId: staff.actorId,
  outboxKind: kind,
});

/** The ticket e-mail of a piece of news, one letter per recipient, key `${kind}:${eventId}:${recipientId}`. */
function ticketLetters({ kind, eventId, ticket, event, recipients }: ReadNews, now: Date): Letter[] {
  const content = contentFor(kind, ticket, event, now);
  if (!content) return [];
  return (
    recipients
      // A reply or an escalation is news to everyone but its author; confirmations (created, closed…) go to the author too.
      .filter((recipient) => !(AUTHOR_SKIPPED.has(kind) && recipient.id === event.authorId))
      .map((recipient) => ({
        id: recipient.id,
        email: recipient.email,
        letter: {
          idempotencyKey: `${kind}:${eventId}:${recipient.id}`,
          email: ticketEmail({
            appUrl: env().APP_URL,
            reference: ticket.reference,
            title: ticket.title,
            recipientName: recipient.name,
            content,
            repliesByMail: Boolean(env().MAIL_IN_REPLY_ADDRESS),
          }),
          ticketId: ticket.id,
        },
      }))
  );
}

/**
 * Inside the caller's transaction, news read with `readNews`: the staff notifications of each (in-app rows, "each time"
 * e-mails), then one outbox row per (notification, recipient) with idempotency key `${kind}:${eventId}:${recipientId}`
 * (ON CONFLICT DO NOTHING); returns the ids of rows written by this call.
 */
export async function writeNews(tx: Executor, news: ReadNews[], now: Date): Promise<string[]> {
  // Every e-mail of these news, the staff's and the school's, goes into the outbox in one statement.
  const letters: Letter[] = [];
  for (const piece of news) {
    if (piece.staff) {
      const email = staffEmailFor(piece.kind, piece.staff.audience, piece.ticket, piece.event, now);
      letters.push(...(await writeStaffNotifications(tx, staffNewsOf(piece, piece.staff), piece.staff.plan, email, now)));
    }
    letters.push(...ticketLetters(piece, now));
  }
  return writeLetters(tx, letters, now);
}

/**
 * `writeNews`'s writes, unrun, for news of journal entries just numbered (a filing's): nobody can have been told of them
 * yet, so every planned in-app row is new and every "each time" e-mail due. The caller runs them with its own
 * (`insertTogether`); `outbox` returns the ids written.
 */
export function freshNewsWrites(db: Executor, news: ReadNews[], now: Date): { inserts: (SQLWrapper | null)[]; outbox: SQLWrapper | null } {
  const inserts: (SQLWrapper | null)[] = [];
  const letters: Letter[] = [];
  for (const piece of news) {
    if (piece.staff) {
      const staffNews = staffNewsOf(piece, piece.staff);
      inserts.push(staffNotificationsInsert(db, staffNews, piece.staff.plan, now));
      const email = staffEmailFor(piece.kind, piece.staff.audience, piece.ticket, piece.event, now);
      letters.push(...staffLetters(staffNews, piece.staff.plan.mailable, email));
    }
    letters.push(...ticketLetters(piece, now));
  }
  return { inserts, outbox: lettersInsert(db, letters, now) };
}

/**
 * Inside the caller's transaction: reads each piece of news of a written ticket and journal entry (`readNews`), then
 * writes them (`writeNews`); returns the ids of the outbox rows written by this call.
 */
export async function recordTicketNotifications(tx: Executor, notifications: TicketNotification[], now: Date): Promise<string[]> {
  const news: ReadNews[] = [];
  for (const notification of notifications) {
    const ticket = await ticketForEmail(tx, notification.ticketId);
    const event = await eventForEmail(tx, notification.ticketId, notification.eventId);
    // A caller's bug, not a user's: fail the transaction rather than announce something that did not happen.
    if (!ticket || !event) throw new Error(`No event ${notification.eventId} on ticket ${notification.ticketId}`);
    news.push(
      await readNews(
        tx,
        { kind: notification.kind, eventId: notification.eventId, ticket, event },
        () => recipientsOf(tx, notification.kind, ticket.id),
        now,
      ),
    );
  }
  return writeNews(tx, news, now);
}

/** After commit: one BullMQ job per outbox id (jobId = the outbox id, payload {outboxId}). Never throws: a failure is logged and the sweep catches up. */
export async function enqueueOutbox(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const jobs = ids.map((outboxId) => ({
    name: "sendEmail",
    data: { outboxId } satisfies JobPayload<"sendEmail">,
    opts: { ...JOBS.sendEmail.options, jobId: outboxId },
  }));
  await bestEffort("outbox e-mails not enqueued; the sweep will catch up", () => producerQueue(JOBS.sendEmail.queue).addBulk(jobs));
}
