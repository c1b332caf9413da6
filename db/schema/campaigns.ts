import { check, date, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ciClass } from "./enums";
import { zones } from "./geography";
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
