import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  },
  (table) => [index("teams_zone_idx").on(table.zoneId), index("teams_establishment_idx").on(table.establishmentId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.teamId, table.userId] }), index("team_members_user_idx").on(table.userId)],
);

/** A contractor the Région works with (warranty repair, network, print…). */
export const vendors = pgTable("vendors", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  scope: text(),
  contract: text(),
});
