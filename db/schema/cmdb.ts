import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  uniqueIndex,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { FieldChange } from "@/lib/domain/ci-fields";
import { ciClass, ciCriticality, ciStatus, funding } from "./enums";
import { establishments } from "./geography";
import { vendors } from "./organisation";
import { users } from "./users";

/** A configuration item of a school's inventory (CMDB). */
export const configurationItems = pgTable(
  "configuration_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    class: ciClass().notNull(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
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
    /** A warranty end entered by hand (extended warranty, vendor's terms); else lib/domain/ci-lifecycle.ts computes it. */
    warrantyEndOverride: date(),
    funding: funding().notNull().default("region"),
    maintainerId: uuid().references(() => vendors.id),
    /** Uplink or host: PC → switch → core switch, VM → server. */
    parentId: uuid().references((): AnyPgColumn => configurationItems.id),
    /** Class-specific attributes (OS, CPU, RAM, ports…), validated per class (lib/domain/ci-classes.ts). */
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** What the list's text search reads (name, serial, asset and region numbers, model, room), trigram-indexed: `CZC338` finds `CZC3380PFS`. */
    searchText: text().generatedAlwaysAs(
      sql`name || ' ' || coalesce(serial_number, '') || ' ' || coalesce(asset_number, '') || ' ' || coalesce(region_number, '') || ' ' || coalesce(model, '') || ' ' || coalesce(room, '')`,
    ),
  },
  (table) => [
    index("cis_establishment_class_idx").on(table.establishmentId, table.class, table.name, table.id),
    // Hostnames are unique within a school; imports and the seed match on them last.
    uniqueIndex("cis_establishment_name_idx").on(table.establishmentId, table.name),
    index("cis_establishment_room_idx").on(table.establishmentId, table.room),
    index("cis_serial_idx").on(table.serialNumber),
    index("cis_asset_idx").on(table.assetNumber),
    index("cis_parent_idx").on(table.parentId),
    // Keyset pages across schools, by name (and by class then name); ascending, like the tickets' (bench/README.md).
    index("cis_name_idx").on(table.name, table.id),
    index("cis_class_name_idx").on(table.class, table.name, table.id),
    index("cis_search_trgm_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
  ],
);

/** Software installed on a computer, with the installed version (CI ↔ software). */
export const ciInstallations = pgTable(
  "ci_installations",
  {
    ciId: uuid()
      .notNull()
      .references(() => configurationItems.id),
    softwareId: uuid()
      .notNull()
      .references(() => configurationItems.id),
    version: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ciId, table.softwareId] }), index("ci_installations_software_idx").on(table.softwareId)],
);

/** Every change to a configuration item: who, when, how (form, API, import, bulk change), and each field's old → new value. */
export const ciHistory = pgTable(
  "ci_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    ciId: uuid()
      .notNull()
      .references(() => configurationItems.id),
    authorId: uuid().references(() => users.id),
    source: text({ enum: ["form", "api", "import", "bulk"] }).notNull(),
    changes: jsonb().$type<FieldChange[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("ci_history_ci_idx").on(table.ciId, table.createdAt, table.id)],
);
