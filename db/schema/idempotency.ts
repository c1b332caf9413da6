import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * What a creating API call answered under an `Idempotency-Key` (per caller, 24 h): a retry with the same
 * key replays it instead of creating again. Written in the transaction of the creation it records.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** The operation and a SHA-256 of its parsed input: the same key with another request is refused. */
    fingerprint: text().notNull(),
    /** What the operation produced (a ticket's reference, a comment's id), enough to answer again. */
    result: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] }), index("idempotency_keys_created_idx").on(table.createdAt)],
);
