import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ApproverKind } from "@/lib/domain/vocabulary";
import { establishments } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/** The people a school's head names to approve in their stead (seed 001: "le chef d'établissement ou son délégataire"). */
export const approvalDelegates = pgTable(
  "approval_delegates",
  {
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    namedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "approval_delegates_pk", columns: [table.establishmentId, table.userId] })],
);

/**
 * One row per approval level of a ticket filed in `awaiting_approval`, copied from its category at filing:
 * `waiting` until the level before is approved, `pending` from `openedAt` (its approvers were told), then
 * `approved` or `refused` (who, their function's label, when, why) or `expired` (10 working days unanswered).
 */
export const ticketApprovals = pgTable(
  "ticket_approvals",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    level: smallint().notNull(),
    approverKind: text().$type<ApproverKind>().notNull(),
    state: text({ enum: ["waiting", "pending", "approved", "refused", "expired"] })
      .notNull()
      .default("waiting"),
    openedAt: timestamp({ withTimezone: true }),
    remindedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The approver's function when they decided (Chef d'établissement, Chef de secteur…): the signature keeps it. */
    decidedFunction: text(),
    reason: text(),
  },
  (table) => [
    primaryKey({ name: "ticket_approvals_pk", columns: [table.ticketId, table.level] }),
    check("ticket_approvals_state", sql`${table.state} IN ('waiting', 'pending', 'approved', 'refused', 'expired')`),
    index("ticket_approvals_pending_idx")
      .on(table.openedAt)
      .where(sql`${table.state} = 'pending'`),
  ],
);
