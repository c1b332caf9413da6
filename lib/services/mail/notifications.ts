import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { outboxEmails, teamMembers, teams, ticketEvents, ticketFollowers, tickets, ticketWatchers, users } from "@/db/schema";
import { createRatingToken } from "@/lib/services/tickets/rating-link";
import { env } from "@/lib/env";
import { ticketEmail, type TicketEmailContent } from "@/lib/mail/templates";
import { bestEffort, producerQueue } from "@/lib/queue/producer";
import { JOBS, type JobPayload } from "@/lib/queue/jobs";

export type TicketNotificationKind =
  | "created" | "assigned" | "answered" | "waiting_requester" | "resolved" | "closed" | "merged" | "escalated" | "watched"
  | "sla_alert" | "sla_escalated" | "vendor_message" | "visit_planned";
export type TicketNotification = { kind: TicketNotificationKind; ticketId: string; eventId: number };

/**
 * The school hears about its ticket (requester and followers); staff hear about escalations and vendors'
 * messages (the holding team and the assignee) and about tickets their team watches (e.g. the RSSI on security incidents).
 */
const STAFF_KINDS: ReadonlySet<TicketNotificationKind> = new Set(["escalated", "vendor_message"]);

const AUTHOR_SKIPPED: ReadonlySet<TicketNotificationKind> = new Set(["answered", "escalated", "vendor_message"]);

type Recipient = { id: string; email: string; name: string };

/** Staff e-mails may carry internal text: whatever the team holds, school staff never get them. */
const staffOnly = () => notInArray(users.role, ["requester", "manager"]);

async function recipientsOf(tx: Executor, kind: TicketNotificationKind, ticketId: string, event: EventFacts): Promise<Recipient[]> {
  const person = { id: users.id, email: users.email, name: users.name };
  const active = isNull(users.disabledAt);
  if (kind === "watched" || (kind === "escalated" && typeof event.data.notifyTeamId === "string")) {
    // Watching teams; for an escalation to a vendor, that vendor's queue.
    const teamIds = kind === "watched"
      ? tx.select({ id: ticketWatchers.teamId }).from(ticketWatchers).where(eq(ticketWatchers.ticketId, ticketId))
      : tx.select({ id: teams.id }).from(teams).where(eq(teams.id, String(event.data.notifyTeamId)));
    return tx.selectDistinct(person).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(inArray(teamMembers.teamId, teamIds), active, staffOnly()));
  }
  if (kind === "sla_alert" || kind === "sla_escalated") {
    // An SLA alert goes to the assignee, or the holding team when nobody holds the ticket; an escalation also to the rung's people.
    const named = kind === "sla_escalated" && Array.isArray(event.data.notifyUserIds) ? event.data.notifyUserIds.map(String) : [];
    const holders = tx.select({ id: sql<string>`coalesce(${tickets.assigneeId}, ${teamMembers.userId})` }).from(tickets)
      .leftJoin(teamMembers, and(isNull(tickets.assigneeId), eq(teamMembers.teamId, tickets.assignedTeamId)))
      .where(eq(tickets.id, ticketId));
    return tx.selectDistinct(person).from(users)
      .where(and(or(inArray(users.id, holders), ...(named.length ? [inArray(users.id, named)] : [])), active, staffOnly()));
  }
  if (STAFF_KINDS.has(kind)) {
    return tx.selectDistinct(person).from(tickets)
      .innerJoin(users, or(eq(users.id, tickets.assigneeId), inArray(users.id,
        tx.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, tickets.assignedTeamId)))))
      .where(and(eq(tickets.id, ticketId), active, staffOnly()));
  }
  return tx.selectDistinct(person).from(tickets)
    .innerJoin(users, or(eq(users.id, tickets.requesterId), inArray(users.id,
      tx.select({ id: ticketFollowers.userId }).from(ticketFollowers).where(eq(ticketFollowers.ticketId, ticketId)))))
    .where(and(eq(tickets.id, ticketId), active));
}

type TicketFacts = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;
type EventFacts = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

async function loadTicket(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id, reference: tickets.reference, title: tickets.title, teamName: teams.name,
      requester: { id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt },
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.requesterId))
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

async function loadEvent(tx: Executor, ticketId: string, eventId: number) {
  const [row] = await tx
    .select({ kind: ticketEvents.kind, visibility: ticketEvents.visibility, authorId: ticketEvents.authorId, body: ticketEvents.body, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.id, eventId), eq(ticketEvents.ticketId, ticketId)));
  return row ?? null;
}

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
    case "visit_planned":
      return { kind, onDate: String(event.data.onDate), halfDay: event.data.halfDay === "pm" ? "pm" : "am", rescheduled: event.data.rescheduled === true };
  }
}

/** Inside the caller's transaction: one outbox row per (notification, recipient) with idempotency key `${kind}:${eventId}:${recipientId}` (ON CONFLICT DO NOTHING); returns the ids of rows written by this call. */
export async function recordTicketNotifications(tx: Executor, notifications: TicketNotification[], now: Date): Promise<string[]> {
  const rows: (typeof outboxEmails.$inferInsert)[] = [];
  for (const notification of notifications) {
    const ticket = await loadTicket(tx, notification.ticketId);
    const event = await loadEvent(tx, notification.ticketId, notification.eventId);
    // A caller's bug, not a user's: fail the transaction rather than announce something that did not happen.
    if (!ticket || !event) throw new Error(`No event ${notification.eventId} on ticket ${notification.ticketId}`);
    const content = contentFor(notification.kind, ticket, event, now);
    if (!content) continue;
    for (const recipient of await recipientsOf(tx, notification.kind, ticket.id, event)) {
      // A reply or an escalation is news to everyone but its author; confirmations (created, closed…) go to the author too.
      if (AUTHOR_SKIPPED.has(notification.kind) && recipient.id === event.authorId) continue;
      const email = ticketEmail({ appUrl: env().APP_URL, reference: ticket.reference, title: ticket.title, recipientName: recipient.name, content });
      rows.push({
        idempotencyKey: `${notification.kind}:${notification.eventId}:${recipient.id}`,
        ticketId: ticket.id,
        recipientId: recipient.id,
        toAddress: recipient.email,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        createdAt: now,
      });
    }
  }
  if (rows.length === 0) return [];
  const written = await tx.insert(outboxEmails).values(rows).onConflictDoNothing({ target: outboxEmails.idempotencyKey }).returning({ id: outboxEmails.id });
  return written.map((row) => row.id);
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
