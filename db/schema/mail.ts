import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { OUTBOX_STATUSES } from "@/lib/domain/outbox";
import { tickets } from "./tickets";
import { users } from "./users";

/**
 * E-mails to send, written in the same transaction as the change they announce.
 * The worker sends them (BullMQ job per row, retried) and marks them sent; a sweep
 * re-enqueues any row still pending, so a lost job or a Redis flush loses no mail.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** One e-mail per (event, recipient): a retried action never mails twice. */
    idempotencyKey: text().notNull().unique(),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    recipientId: uuid().references(() => users.id, { onDelete: "set null" }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** `failed`: the server refused it for good (5xx, e.g. an unknown address); kept with its error, never retried. */
    status: text({ enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index("outbox_emails_pending_idx")
      .on(table.createdAt)
      .where(sql`${table.status} = 'pending'`),
  ],
);

export const MAIL_IN_OUTCOMES = ["comment", "ticket", "answered", "ignored", "bounce", "failed"] as const;
export type MailInOutcome = (typeof MAIL_IN_OUTCOMES)[number];

/**
 * Every message the worker took from a mailbox (MAIL_IN_URL), written in the same transaction as its effect (a comment,
 * a ticket, an answer), before the message is moved to "Traités": a crash between the two finds the row and only moves it.
 * `failed`: moved to "Erreurs" with `reason`, its effect rolled back.
 */
export const mailInMessages = pgTable(
  "mail_in_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** user@host:port/folder (lib/domain/mail-in-config.ts). */
    mailbox: text().notNull(),
    uidValidity: bigint({ mode: "number" }).notNull(),
    uid: bigint({ mode: "number" }).notNull(),
    messageId: text(),
    fromAddress: text(),
    subject: text().notNull().default(""),
    outcome: text({ enum: MAIL_IN_OUTCOMES }).notNull(),
    reason: text(),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    eventId: bigint({ mode: "number" }),
    handledAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("mail_in_messages_uid_idx").on(table.mailbox, table.uidValidity, table.uid),
    index("mail_in_messages_message_id_idx").on(table.messageId),
    check("mail_in_messages_outcome_known", sql`${table.outcome} IN ('comment', 'ticket', 'answered', 'ignored', 'bounce', 'failed')`),
  ],
);
