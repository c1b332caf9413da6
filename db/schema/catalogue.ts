import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { CategoryField } from "@/lib/schemas/category-fields";
import type { ApproverKind } from "@/lib/domain/vocabulary";
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
    /** Who approves a ticket of this category before it is routed, level by level, in order; empty: no approval. */
    approvalLevels: text().array().$type<ApproverKind[]>().notNull().default([]),
    /** A project (seed 003): the school files it, the zone's sector lead rules on its admissibility. */
    project: boolean().notNull().default(false),
    position: integer().notNull(),
  },
  (table) => [
    index("categories_service_idx").on(table.serviceId, table.position),
    check(
      "categories_approval_levels_known",
      sql`${table.approvalLevels} <@ ARRAY['school_head', 'secretary_general', 'sector_lead']::text[]`,
    ),
  ],
);
