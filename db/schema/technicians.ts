import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { priority } from "./enums";
import { establishments } from "./geography";
import { vendors } from "./organisation";
import { configurationItems } from "./cmdb";
import { tickets } from "./tickets";
import { users } from "./users";

/** Seed 003's on-site technician's day (issue 14): referents, absences, planned visits, interventions, critical periods. */

/** Morning or afternoon: a visit takes a half-day. */
export const halfDay = pgEnum("half_day", ["am", "pm"]);
export const interventionMode = pgEnum("intervention_mode", ["remote", "on_site"]);

/** Each school's referent technician and backup ("chaque lycée bénéficie de l'action d'un agent STIL référent"). */
export const establishmentReferents = pgTable(
  "establishment_referents",
  {
    establishmentId: uuid()
      .primaryKey()
      .references(() => establishments.id, { onDelete: "cascade" }),
    referentId: uuid()
      .notNull()
      .references(() => users.id),
    backupId: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid(),
  },
  (table) => [
    check("establishment_referents_backup_differs", sql`${table.backupId} IS NULL OR ${table.backupId} <> ${table.referentId}`),
    index("establishment_referents_referent_idx").on(table.referentId),
    index("establishment_referents_backup_idx").on(table.backupId),
  ],
);

/** A technician's absence, whole days, both ends included (Europe/Paris dates). */
export const technicianAbsences = pgTable(
  "technician_absences",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdById: uuid(),
  },
  (table) => [
    check("technician_absences_order", sql`${table.endsOn} >= ${table.startsOn}`),
    index("technician_absences_user_idx").on(table.userId, table.startsOn),
  ],
);

/** A technician's default week ("planning hebdomadaire par défaut"): which school on which half-day. `weekday`: ISO, 1 = Monday. */
export const visitSchedule = pgTable(
  "visit_schedule",
  {
    id: uuid().primaryKey().defaultRandom(),
    technicianId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekday: smallint().notNull(),
    halfDay: halfDay().notNull(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
  },
  (table) => [
    check("visit_schedule_weekday", sql`${table.weekday} BETWEEN 1 AND 5`),
    unique("visit_schedule_slot_unique").on(table.technicianId, table.weekday, table.halfDay),
    index("visit_schedule_establishment_idx").on(table.establishmentId),
  ],
);

/** A change to the default week on one date: another school, or none (`establishmentId` null: no visit). */
export const visitExceptions = pgTable(
  "visit_exceptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    technicianId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    onDate: date().notNull(),
    halfDay: halfDay().notNull(),
    establishmentId: uuid().references(() => establishments.id, { onDelete: "cascade" }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdById: uuid(),
  },
  (table) => [
    unique("visit_exceptions_slot_unique").on(table.technicianId, table.onDate, table.halfDay),
    index("visit_exceptions_establishment_idx").on(table.establishmentId, table.onDate),
  ],
);

/** The visit a ticket needing on-site work is planned for (one per ticket; rescheduling updates it). */
export const ticketVisits = pgTable(
  "ticket_visits",
  {
    ticketId: uuid()
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    technicianId: uuid()
      .notNull()
      .references(() => users.id),
    onDate: date().notNull(),
    halfDay: halfDay().notNull(),
    plannedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    plannedById: uuid(),
  },
  (table) => [index("ticket_visits_technician_idx").on(table.technicianId, table.onDate)],
);

/** An intervention on a ticket, remote or on site ("les interventions sont systématiquement enregistrées"). */
export const interventions = pgTable(
  "interventions",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /** The ticket's school, copied so the dashboards sum per school without a join. */
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    /** Who recorded it (a technician, or the vendor's agent). */
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    /** Set when the intervention was the vendor's. */
    vendorId: uuid().references(() => vendors.id),
    mode: interventionMode().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    minutes: integer().notNull(),
    travelMinutes: integer().notNull().default(0),
    /** What the school reads. */
    summary: text().notNull(),
    /** For staff only. */
    details: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("interventions_minutes", sql`${table.minutes} BETWEEN 1 AND 1440`),
    check("interventions_travel_minutes", sql`${table.travelMinutes} BETWEEN 0 AND 1440`),
    index("interventions_ticket_idx").on(table.ticketId, table.startedAt),
    index("interventions_establishment_idx").on(table.establishmentId, table.startedAt),
    index("interventions_author_idx").on(table.authorId, table.startedAt),
  ],
);

/** The inventory items an intervention touched (shown in their history). */
export const interventionCis = pgTable(
  "intervention_cis",
  {
    interventionId: uuid()
      .notNull()
      .references(() => interventions.id, { onDelete: "cascade" }),
    ciId: uuid()
      .notNull()
      .references(() => configurationItems.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.interventionId, table.ciId] }), index("intervention_cis_ci_idx").on(table.ciId)],
);

/** A period the Région declares critical (exams): a concerned school's incidents get a priority floor. */
export const criticalPeriods = pgTable(
  "critical_periods",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: text({ enum: ["baccalaureat", "bts", "brevet", "autre"] }).notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    priorityFloor: priority().notNull().default("P2"),
    /** False: only the schools listed in critical_period_establishments. */
    allEstablishments: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdById: uuid(),
  },
  (table) => [
    check("critical_periods_order", sql`${table.endsOn} >= ${table.startsOn}`),
    index("critical_periods_dates_idx").on(table.startsOn, table.endsOn),
  ],
);

export const criticalPeriodEstablishments = pgTable(
  "critical_period_establishments",
  {
    criticalPeriodId: uuid()
      .notNull()
      .references(() => criticalPeriods.id, { onDelete: "cascade" }),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.criticalPeriodId, table.establishmentId] })],
);
