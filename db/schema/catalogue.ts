import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { CategoryField } from "@/lib/schemas/category-fields";
import { ticketType } from "./enums";

/** A service of the catalogue; `code` is a contract with the API and routing rules. */
export const services = pgTable("services", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  deliveryMode: text().notNull(),
  domain: text().notNull(),
  includes: text().array().notNull().default([]),
  excludes: text().array().notNull().default([]),
  procedure: text().notNull().default(""),
  position: integer().notNull(),
});

export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    code: text().notNull().unique(),
    name: text().notNull(),
    type: ticketType().notNull(),
    /** What a school in `hors_perimetre` mode may still file. */
    hardware: boolean().notNull().default(false),
    /** The task-sharing row that makes this category the school's own task, if any. */
    schoolTask: text(),
    fields: jsonb().$type<CategoryField[]>().notNull().default([]),
    position: integer().notNull(),
  },
  (table) => [index("categories_service_idx").on(table.serviceId, table.position)],
);
