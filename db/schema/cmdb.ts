import { date, index, uniqueIndex, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ciClass, ciCriticality, ciStatus, funding } from "./enums";
import { establishments } from "./geography";
import { vendors } from "./organisation";

/** A configuration item of a school's inventory (CMDB). */
export const configurationItems = pgTable(
  "configuration_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    class: ciClass().notNull(),
    establishmentId: uuid().notNull().references(() => establishments.id),
    building: text(),
    room: text(),
    status: ciStatus().notNull().default("production"),
    criticality: ciCriticality().notNull().default("low"),
    brand: text(),
    model: text(),
    serialNumber: text(),
    assetNumber: text(),
    regionNumber: text(),
    purchaseDate: date(),
    deliveryDate: date(),
    funding: funding().notNull().default("region"),
    maintainerId: uuid().references(() => vendors.id),
    /** Uplink or host: PC → switch → core switch, VM → server. */
    parentId: uuid().references((): AnyPgColumn => configurationItems.id),
    /** Class-specific attributes (OS, CPU, RAM, ports…), validated per class. */
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("cis_establishment_class_idx").on(table.establishmentId, table.class, table.name, table.id),
    // Hostnames are unique within a school; imports and the seed match on them last.
    uniqueIndex("cis_establishment_name_idx").on(table.establishmentId, table.name),
    index("cis_establishment_room_idx").on(table.establishmentId, table.room),
    index("cis_serial_idx").on(table.serialNumber),
    index("cis_asset_idx").on(table.assetNumber),
    index("cis_parent_idx").on(table.parentId),
  ],
);
