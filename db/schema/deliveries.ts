import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { configurationItems } from "./cmdb";
import { ciClass } from "./enums";
import { establishments } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/**
 * A delivery of equipment to one school by one supplier (issue 17): its expected lines, the day it came, and the
 * school's check within 5 working days (`checkBy`, computed at creation on the school's calendar). `state` is what
 * was recorded: delivered (not checked yet; shown as planned before `deliveredOn`), checked, with_anomalies, or
 * deemed_compliant (the worker, once `checkBy` passed unanswered).
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignYear: integer().references(() => campaigns.year),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    supplier: text().notNull(),
    deliveredOn: date().notNull(),
    checkBy: timestamp({ withTimezone: true }).notNull(),
    state: text({ enum: ["delivered", "checked", "with_anomalies", "deemed_compliant"] })
      .notNull()
      .default("delivered"),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    checkedById: uuid().references(() => users.id),
    checkedAt: timestamp({ withTimezone: true }),
    /** The EQUIP-LIVRAISON ticket the anomalies opened. */
    ticketId: uuid().references(() => tickets.id),
  },
  (table) => [
    index("deliveries_establishment_idx").on(table.establishmentId, table.deliveredOn),
    index("deliveries_due_idx")
      .on(table.checkBy)
      .where(sql`${table.state} = 'delivered'`),
    index("deliveries_campaign_idx").on(table.campaignYear),
    check("deliveries_state", sql`${table.state} IN ('delivered', 'checked', 'with_anomalies', 'deemed_compliant')`),
  ],
);

/** One expected line of a delivery: what, how many, where it goes, the supplier's serials; then what the check found. */
export const deliveryLines = pgTable(
  "delivery_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    code: text().notNull(),
    label: text().notNull(),
    class: ciClass().notNull(),
    model: text().notNull(),
    quantity: integer().notNull(),
    room: text(),
    /** The serial numbers of the supplier's delivery note, when it gives them. */
    expectedSerials: text().array().notNull().default([]),
    received: integer(),
    receivedSerials: text().array().notNull().default([]),
    anomaly: text({ enum: ["missing", "wrong_model", "damaged", "other"] }),
    /** The serials the anomaly concerns (the damaged ones, the wrong model's). */
    anomalySerials: text().array().notNull().default([]),
    anomalyNote: text(),
  },
  (table) => [
    index("delivery_lines_delivery_idx").on(table.deliveryId, table.position),
    check("delivery_lines_quantity", sql`${table.quantity} > 0 AND (${table.received} IS NULL OR ${table.received} >= 0)`),
    check("delivery_lines_anomaly", sql`${table.anomaly} IS NULL OR ${table.anomaly} IN ('missing', 'wrong_model', 'damaged', 'other')`),
  ],
);

/** The configuration items a delivery's check accepted into the school's inventory. */
export const deliveryItems = pgTable(
  "delivery_items",
  {
    lineId: uuid()
      .notNull()
      .references(() => deliveryLines.id, { onDelete: "cascade" }),
    ciId: uuid()
      .notNull()
      .references(() => configurationItems.id),
  },
  (table) => [primaryKey({ columns: [table.lineId, table.ciId] })],
);

/** The school's old items a delivery replaces: marked obsolete, on the school's recycling list (PRELP). Once each. */
export const deliveryReplacements = pgTable(
  "delivery_replacements",
  {
    ciId: uuid()
      .primaryKey()
      .references(() => configurationItems.id),
    lineId: uuid()
      .notNull()
      .references(() => deliveryLines.id, { onDelete: "cascade" }),
    replacedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index("delivery_replacements_line_idx").on(table.lineId)],
);
