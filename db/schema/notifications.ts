import { sql } from "drizzle-orm";
import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DELIVERIES, STAFF_NOTIFICATION_KINDS } from "@/lib/domain/staff-notifications";
import { ticketEvents, tickets } from "./tickets";
import { users } from "./users";

/**
 * Staff's in-app notifications (issue 14, "told of new work"), written in the transaction of the change they
 * announce. `delivery` records what e-mail went with it; a `digest` row waits for the next 12:00 or 17:00 slot
 * (`digestedAt` null) and is marked in the transaction that writes the digest's outbox row (key `digest:<user>:<slot>`).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: STAFF_NOTIFICATION_KINDS }).notNull(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /** The ticket event announced: with the kind and recipient, what makes a retried action a no-op. */
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => ticketEvents.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    delivery: text({ enum: DELIVERIES }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** Set when a digest took it (the slot's instant). */
    digestedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex("notifications_event_unique").on(table.eventId, table.kind, table.recipientId),
    index("notifications_recipient_idx").on(table.recipientId, table.createdAt.desc(), table.id.desc()),
    index("notifications_unread_idx")
      .on(table.recipientId)
      .where(sql`${table.readAt} IS NULL`),
    index("notifications_digest_pending_idx")
      .on(table.recipientId, table.createdAt)
      .where(sql`${table.delivery} = 'digest' AND ${table.digestedAt} IS NULL`),
  ],
);

/** A person's choice per kind; no row: the default of lib/domain/staff-notifications.ts. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: STAFF_NOTIFICATION_KINDS }).notNull(),
    delivery: text({ enum: DELIVERIES }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
