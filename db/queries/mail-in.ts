import { and, eq, isNull, ne, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { mailInMessages, outboxEmails, tickets, users } from "@/db/schema";

/** Where a message sits: the mailbox (MailboxConfig.key), its UIDVALIDITY and its UID. */
export type MessagePlace = { mailbox: string; uidValidity: number; uid: number };

/** The record of a message already handled here (this UID) or elsewhere (its Message-ID, unless that one failed). */
export async function handledRecord(db: Executor, place: MessagePlace, messageId: string | null) {
  const samePlace = and(
    eq(mailInMessages.mailbox, place.mailbox),
    eq(mailInMessages.uidValidity, place.uidValidity),
    eq(mailInMessages.uid, place.uid),
  );
  const [row] = await db
    .select({ outcome: mailInMessages.outcome, reason: mailInMessages.reason, ticketId: mailInMessages.ticketId })
    .from(mailInMessages)
    .where(messageId ? or(samePlace, and(eq(mailInMessages.messageId, messageId), ne(mailInMessages.outcome, "failed"))) : samePlace)
    .limit(1);
  return row ?? null;
}

/** The ticket an outbox e-mail was about, if any. */
export async function ticketOfSentEmail(db: Executor, outboxId: string) {
  const [row] = await db
    .select({ ticketId: tickets.id, reference: tickets.reference })
    .from(outboxEmails)
    .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
    .where(eq(outboxEmails.id, outboxId));
  return row ?? null;
}

/** The enabled account with this (lower-case) address. */
export async function activeUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  return user ?? null;
}
