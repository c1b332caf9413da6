import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
