import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeeklyHours } from "@/lib/domain/business-calendar";
import type { EscalationLevel } from "@/lib/domain/sla-alarms";
import type { VendorCommitment } from "@/lib/domain/sla-vendor";
import { party } from "./enums";
import { establishments, zones } from "./geography";
import { users } from "./users";

/** A queue of work: a Région, Académie or vendor team, or a school's own queue (ETAB-<UAI>). */
export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    party: party().notNull(),
    scope: text(),
    zoneId: uuid().references(() => zones.id),
    /** Set on a school's own queue only. */
    establishmentId: uuid().references(() => establishments.id),
    vendorId: uuid().references(() => vendors.id),
    /** The team's weekly opening hours (Europe/Paris); null means the default calendar (Mon–Fri 07:30–17:30). */
    weeklyHours: jsonb().$type<WeeklyHours>(),
    /** Who is alerted as the team's tickets overrun their TTR; null means the default ladder (sector lead, then service lead). */
    escalationLevels: jsonb().$type<EscalationLevel[]>(),
  },
  (table) => [
    index("teams_zone_idx").on(table.zoneId),
    index("teams_establishment_idx").on(table.establishmentId),
    /** The teams' list (schools' own queues excepted), by code. */
    index("teams_code_not_school_idx")
      .on(table.code)
      .where(sql`${table.establishmentId} IS NULL`),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The person's main team (one per person): the one shown and used by default. */
    isPrimary: boolean().notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.userId] }),
    index("team_members_user_idx").on(table.userId),
    uniqueIndex("team_members_one_primary_idx")
      .on(table.userId)
      .where(sql`${table.isPrimary}`),
  ],
);

/** A contractor the Région works with (warranty repair, network, print…). */
export const vendors = pgTable("vendors", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  scope: text(),
  contract: text(),
  /** The vendor's contract (marché) reference and where the Région writes to it. */
  contractReference: text(),
  contactEmail: text(),
  /** The vendor's own repair time while a ticket waits for it (underpinning contract); null: none agreed. */
  repairCommitment: jsonb().$type<VendorCommitment>(),
});

/** Days a calendar is closed besides public holidays (e.g. school holidays for on-site teams): one team's, or every team's when teamId is null. */
export const calendarClosures = pgTable(
  "calendar_closures",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().references(() => teams.id, { onDelete: "cascade" }),
    /** Inclusive local dates (Europe/Paris). */
    fromDate: date().notNull(),
    toDate: date().notNull(),
    label: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("calendar_closures_team_idx").on(table.teamId, table.fromDate),
    check("calendar_closures_ordered", sql`${table.fromDate} <= ${table.toDate}`),
  ],
);

/** A file kept with one onboarding meeting of a school (minutes, audit report, signed convention): stored like attachments. */
export const onboardingDocuments = pgTable(
  "onboarding_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    meeting: text({ enum: ["rdv1", "rdv2", "rdv3", "rdv4"] }).notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** Path relative to UPLOAD_DIR; never derived from the user's file name. */
    storageKey: text().notNull().unique("onboarding_documents_storage_key_unique"),
    uploadedById: uuid().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("onboarding_documents_establishment_meeting_idx").on(table.establishmentId, table.meeting, table.uploadedAt)],
);
