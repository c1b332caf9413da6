import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { supportMode } from "./enums";

/** A zone (sector) of the Région, led by a sector lead; on-site teams are per zone. */
export const zones = pgTable("zones", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  departements: text().array().notNull().default([]),
});

/** A school (EPLE), identified by its UAI code. */
export const establishments = pgTable(
  "establishments",
  {
    id: uuid().primaryKey().defaultRandom(),
    uai: text().notNull().unique(),
    type: text().notNull(),
    name: text().notNull(),
    city: text().notNull(),
    departement: text().notNull(),
    zoneId: uuid().notNull().references(() => zones.id),
    supportMode: supportMode().notNull().default("normal"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The same rule as lib/domain/uai.ts, so no path into the table skips it.
    check("establishments_uai_valid", sql`CASE WHEN ${table.uai} ~ '^[0-9]{7}[A-Z]$' THEN substr('ABCDEFGHJKLMNPRSTUVWXYZ', (left(${table.uai}, 7)::int % 23) + 1, 1) = right(${table.uai}, 1) ELSE false END`),
    index("establishments_zone_name_idx").on(table.zoneId, table.name, table.id), index("establishments_name_idx").on(table.name, table.id),
  ],
);
