import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { onboardingState, supportMode } from "./enums";

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
    zoneId: uuid()
      .notNull()
      .references(() => zones.id),
    supportMode: supportMode().notNull().default("normal"),
    /** Where the school stands in joining the scheme (seed 004: RDV1 to RDV4). */
    onboardingState: onboardingState().notNull().default("integre"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who made the last change to the school or its staff (shown with updatedAt). */
    updatedById: uuid(),
  },
  (table) => [
    // The same rule as lib/domain/uai.ts, so no path into the table skips it.
    check(
      "establishments_uai_valid",
      sql`CASE WHEN ${table.uai} ~ '^[0-9]{7}[A-Z]$' THEN substr('ABCDEFGHJKLMNPRSTUVWXYZ', (left(${table.uai}, 7)::int % 23) + 1, 1) = right(${table.uai}, 1) ELSE false END`,
    ),
    index("establishments_zone_name_idx").on(table.zoneId, table.name, table.id),
    index("establishments_name_idx").on(table.name, table.id),
  ],
);

/** The four onboarding meetings of a school (seed 004): RDV1 kick-off, RDV2 audits, RDV3 CSL training, RDV4 acceptance. */
export const onboardingMeetings = pgTable(
  "onboarding_meetings",
  {
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    meeting: text({ enum: ["rdv1", "rdv2", "rdv3", "rdv4"] }).notNull(),
    plannedOn: date(),
    heldOn: date(),
    notes: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.establishmentId, table.meeting] })],
);

/** A room of a school supported in another mode than the school (seed 004: modes per workstation or network). */
export const roomSupportModes = pgTable(
  "room_support_modes",
  {
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    /** As written on the inventory's items (cis.room). */
    room: text().notNull(),
    supportMode: supportMode().notNull(),
  },
  (table) => [primaryKey({ columns: [table.establishmentId, table.room] })],
);
