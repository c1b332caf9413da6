import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The one append-only audit trail: who did what to which object, from where, before → after.
 * A trigger (migration 0010) refuses UPDATE and DELETE except inside the worker's retention purge.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "bigint" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for an anonymous attempt (a failed sign-in with an unknown address) or the system itself. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The actor as typed or known at the time (e-mail), kept when the account is gone or never existed. */
    actorLabel: text(),
    ip: text(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (table) => [
    index("audit_events_occurred_idx").on(table.occurredAt, table.id),
    index("audit_events_actor_idx").on(table.actorId, table.occurredAt, table.id),
    index("audit_events_action_idx").on(table.action, table.occurredAt, table.id),
    index("audit_events_object_idx").on(table.objectType, table.objectId, table.occurredAt),
  ],
);
