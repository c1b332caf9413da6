import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { role } from "./enums";
import { establishments, zones } from "./geography";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    email: text().notNull(),
    name: text().notNull(),
    role: role().notNull(),
    /** Null for accounts that only sign in through the academy's single sign-on. */
    passwordHash: text(),
    /** Bumped on sign-out and on disabling: every session issued before is refused. */
    tokenVersion: integer().notNull().default(0),
    /** The zone a sector lead leads. */
    zoneId: uuid().references(() => zones.id),
    disabledAt: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    phone: text(),
    /** The person's function at their school (chef d'établissement, CSL…): a code of staff_functions. */
    functionCode: text().references(() => staffFunctions.code),
    /** Where notifications go when it is not the sign-in address. */
    notificationEmail: text(),
    /** When the person last chose a password; null until an invited account sets one. */
    passwordSetAt: timestamp({ withTimezone: true }),
    /** The single sign-on subject (issuer's `sub`) that opened or last signed in to the account. */
    ssoSubject: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid(),
  },
  (table) => [
    uniqueIndex("users_email_idx").on(table.email),
    index("users_role_name_idx").on(table.role, table.name, table.id),
    index("users_name_idx").on(table.name, table.id),
    check("users_email_lower", sql`${table.email} = lower(${table.email})`),
  ],
);

/** Functions a person holds at a school: data, so a Région can add its own. */
export const staffFunctions = pgTable("staff_functions", {
  code: text().primaryKey(),
  label: text().notNull(),
  position: integer().notNull(),
});

/** One-time links to choose a password: an invitation (72 h) or a reset (1 h). Only a SHA-256 of the token is stored. */
export const passwordLinks = pgTable(
  "password_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: ["invitation", "reset"] }).notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("password_links_user_idx").on(table.userId, table.purpose)],
);

/** The schools a requester or manager belongs to. */
export const userEstablishments = pgTable(
  "user_establishments",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.establishmentId] }),
    index("user_establishments_establishment_idx").on(table.establishmentId),
  ],
);

/** Bearer tokens for scripts and other platforms; only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the token last opened a request (recorded at most once a minute). */
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId), index("api_tokens_expires_idx").on(table.expiresAt)],
);
