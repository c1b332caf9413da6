import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DELEGATION_REVIEW_REASONS, FILTERING_DECISIONS } from "@/lib/domain/registers";
import { establishments } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/**
 * A school's filtering exception (issue 15), written when its SEC-FILTRAGE request is approved. In force from
 * `startsOn` until the day before `endsOn` (Paris days); on `endsOn` it shows "expirée". The daily job marks the
 * reminder (7 days before) and, at the end, files the security team's removal ticket (`removalTicketId`): each once.
 */
export const filteringExceptions = pgTable(
  "filtering_exceptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    url: text().notNull(),
    decision: text({ enum: FILTERING_DECISIONS }).notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }).notNull(),
    ticketId: uuid()
      .notNull()
      .unique()
      .references(() => tickets.id, { onDelete: "cascade" }),
    reminderSentAt: timestamp({ withTimezone: true }),
    removalTicketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("filtering_exceptions_decision", sql`${table.decision} IN ('allow', 'deny')`),
    check("filtering_exceptions_dates", sql`${table.endsOn} > ${table.startsOn}`),
    index("filtering_exceptions_establishment_idx").on(table.establishmentId, table.endsOn),
    index("filtering_exceptions_pending_end_idx")
      .on(table.endsOn)
      .where(sql`${table.removalTicketId} IS NULL`),
  ],
);

/**
 * A delegation of administration rights at a school (seed 001, seed 004's `ouvert` mode), written when its
 * SRV-DELEGATION request is approved. The delegate is an account of the school when its address matched one
 * (`delegateId`), always a name. Reviewed every year (`reviewDueOn`, the next anniversary); `needsReview` says why
 * it is "à revoir" (anniversary, the head changed, the delegate left). `endedAt`: ended before its end date.
 */
export const delegations = pgTable(
  "delegations",
  {
    id: uuid().primaryKey().defaultRandom(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    delegateId: uuid().references(() => users.id, { onDelete: "set null" }),
    delegateName: text().notNull(),
    scope: text().notNull(),
    actions: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }).notNull(),
    ticketId: uuid()
      .notNull()
      .unique()
      .references(() => tickets.id, { onDelete: "cascade" }),
    reviewDueOn: date().notNull(),
    needsReview: text({ enum: DELEGATION_REVIEW_REASONS }),
    endedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("delegations_needs_review", sql`${table.needsReview} IN ('head_changed', 'delegate_left', 'anniversary')`),
    check("delegations_dates", sql`${table.endsOn} > ${table.startsOn}`),
    index("delegations_establishment_idx").on(table.establishmentId, table.endsOn),
    index("delegations_delegate_idx")
      .on(table.delegateId)
      .where(sql`${table.delegateId} IS NOT NULL`),
    index("delegations_review_due_idx")
      .on(table.reviewDueOn)
      .where(sql`${table.endedAt} IS NULL`),
  ],
);
