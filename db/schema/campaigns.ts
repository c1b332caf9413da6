import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { CAMPAIGN_LINE_KINDS, CAMPAIGN_REQUEST_STATUSES } from "@/lib/domain/campaigns";
import { ciClass } from "./enums";
import { establishments, zones } from "./geography";
import { tickets } from "./tickets";
import { users } from "./users";

/**
 * The yearly equipment campaign (dotation annuelle, issue 17): its phases as Paris days (each `from` to `to`
 * inclusive), the fairness ratio the analysis shows (pupils per PC) and who opened it. One per year.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull().unique(),
    surveyFrom: date().notNull(),
    surveyTo: date().notNull(),
    analysisFrom: date().notNull(),
    analysisTo: date().notNull(),
    allocationFrom: date().notNull(),
    allocationTo: date().notNull(),
    deliveryFrom: date().notNull(),
    deliveryTo: date().notNull(),
    /** The theoretical need the analysis compares with: this many pupils per workstation. */
    pupilsPerWorkstation: integer().notNull().default(4),
    /** The fairness criteria the Région announces it will look at, in its own words. */
    criteria: text().array().notNull().default([]),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the schools were told the survey opened (the mailCampaignNotices job; once). */
    surveyMailedAt: timestamp({ withTimezone: true }),
    /** When the schools were told their allocations (the mailCampaignNotices job; once). */
    allocationMailedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check(
      "campaigns_phases_ordered",
      sql`${table.surveyFrom} <= ${table.surveyTo} AND ${table.surveyTo} < ${table.analysisFrom} AND ${table.analysisFrom} <= ${table.analysisTo} AND ${table.analysisTo} < ${table.allocationFrom} AND ${table.allocationFrom} <= ${table.allocationTo} AND ${table.allocationTo} < ${table.deliveryFrom} AND ${table.deliveryFrom} <= ${table.deliveryTo}`,
    ),
  ],
);

/** The standard equipment a campaign offers (PC multimédia, écran, vidéoprojecteur…): the class its items get in the inventory. */
export const campaignCatalogueItems = pgTable(
  "campaign_catalogue_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    code: text().notNull(),
    label: text().notNull(),
    class: ciClass().notNull(),
    model: text().notNull(),
    /** Indicative unit cost, in euros. */
    unitCost: integer().notNull(),
  },
  (table) => [
    uniqueIndex("campaign_catalogue_items_code_idx").on(table.campaignId, table.code),
    check("campaign_catalogue_unit_cost", sql`${table.unitCost} >= 0`),
  ],
);

/** The budget envelope of a zone for a campaign, in euros. */
export const campaignEnvelopes = pgTable(
  "campaign_envelopes",
  {
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    zoneId: uuid()
      .notNull()
      .references(() => zones.id),
    euros: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.zoneId] }), check("campaign_envelopes_euros", sql`${table.euros} >= 0`)],
);

/**
 * A school's questionnaire for a campaign: a draft its staff fill, submitted, approved by its head; the pupils it
 * declares (the theoretical need), the ticket asking its referent technician for advice, and when it was allocated.
 */
export const campaignRequests = pgTable(
  "campaign_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    status: text({ enum: CAMPAIGN_REQUEST_STATUSES }).notNull().default("draft"),
    pupils: integer(),
    notes: text(),
    adviceTicketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    submittedById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    allocatedAt: timestamp({ withTimezone: true }),
    allocatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid(),
  },
  (table) => [
    uniqueIndex("campaign_requests_school_idx").on(table.campaignId, table.establishmentId),
    index("campaign_requests_establishment_idx").on(table.establishmentId),
    check("campaign_requests_status", sql`${table.status} IN ('draft', 'submitted', 'approved')`),
    check("campaign_requests_pupils", sql`${table.pupils} IS NULL OR ${table.pupils} >= 0`),
  ],
);

/** A line of a questionnaire: what the school asks for, and what the analysis granted (with the reason of a cut). */
export const campaignRequestLines = pgTable(
  "campaign_request_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => campaignRequests.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    room: text(),
    catalogueCode: text().notNull(),
    quantity: integer().notNull(),
    kind: text({ enum: CAMPAIGN_LINE_KINDS }).notNull(),
    justification: text().notNull(),
    priority: integer().notNull(),
    grantedQuantity: integer(),
    allocationReason: text(),
  },
  (table) => [
    uniqueIndex("campaign_request_lines_position_idx").on(table.requestId, table.position),
    check("campaign_request_lines_quantity", sql`${table.quantity} > 0`),
    check("campaign_request_lines_granted", sql`${table.grantedQuantity} IS NULL OR ${table.grantedQuantity} >= 0`),
    check("campaign_request_lines_kind", sql`${table.kind} IN ('renewal', 'extension')`),
    check("campaign_request_lines_priority", sql`${table.priority} BETWEEN 1 AND 3`),
  ],
);
