import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ANNOUNCEMENT_KINDS } from "@/lib/domain/announcements";
import { establishments } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/**
 * A known incident (outage) or planned works the Région or the Académie announces (issue 16). The scope is kept as the
 * codes the API takes (zone codes, UAIs, service codes), each list empty for everyone: lib/domain/announcements.ts reads them.
 */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    body: text().notNull(),
    kind: text({ enum: ANNOUNCEMENT_KINDS }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    zones: text().array().notNull().default([]),
    establishments: text().array().notNull().default([]),
    services: text().array().notNull().default([]),
    /** The desk's major-incident ticket behind an outage: resolving it resolves the tickets it groups and ends the outage. */
    majorTicketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the end was mailed to the concerned schools (once; the mailEndedAnnouncements job looks for ended ones without it). */
    endMailedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check("announcements_kind", sql`${table.kind} IN ('outage', 'planned')`),
    // Published with its end after its start (lib/schemas/announcements.ts); one resolved before it started ends at its start.
    check("announcements_order", sql`${table.endsAt} >= ${table.startsAt}`),
    index("announcements_ends_at_idx").on(table.endsAt, table.startsAt),
    index("announcements_end_unmailed_idx")
      .on(table.endsAt)
      .where(sql`${table.endMailedAt} IS NULL`),
  ],
);

/** A school that said "Mon établissement est concerné": it follows the incident and is mailed when it ends. */
export const announcementEstablishments = pgTable(
  "announcement_establishments",
  {
    announcementId: uuid()
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    reportedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "announcement_establishments_pk", columns: [table.announcementId, table.establishmentId] })],
);
