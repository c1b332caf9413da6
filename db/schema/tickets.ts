import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { categories, services } from "./catalogue";
import { configurationItems } from "./cmdb";
import { impact, priority, ticketChannel, ticketEventKind, ticketStatus, ticketType, urgency, visibility } from "./enums";
import { establishments } from "./geography";
import { teams, vendors } from "./organisation";
import { slaPolicies } from "./routing";
import { criticalPeriods } from "./technicians";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const tickets = pgTable(
  "tickets",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference, GU-<year>-<six digits>, numbered per year. */
    reference: text().notNull().unique(),
    type: ticketType().notNull(),
    status: ticketStatus().notNull().default("new"),
    priority: priority().notNull(),
    impact: impact().notNull(),
    urgency: urgency().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    /** Answers to the category's own form fields. */
    fields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    flags: text().array().notNull().default([]),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    requesterId: uuid()
      .notNull()
      .references(() => users.id),
    serviceId: uuid()
      .notNull()
      .references(() => services.id),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id),
    assignedTeamId: uuid().references(() => teams.id),
    assigneeId: uuid().references(() => users.id),
    /** The routing rule that chose the team, at creation or at the last re-qualification. */
    routingRuleId: uuid(),
    /** While escalated to a vendor: who, and the vendor's own ticket reference. */
    vendorId: uuid().references(() => vendors.id),
    vendorReference: text(),
    /** A duplicate points at the ticket it was merged into. */
    mergedIntoId: uuid().references((): AnyPgColumn => tickets.id),
    /** A ticket grouped under a major incident (issue 16): resolving the major ticket resolves it with the same message. */
    majorIncidentId: uuid().references((): AnyPgColumn => tickets.id, { onDelete: "set null" }),
    /** The critical period (exams) that raised this incident's priority to its floor; shown as the reason. */
    criticalPeriodId: uuid().references((): AnyPgColumn => criticalPeriods.id),
    /** How it reached us (portal, mail, phone, API); on a call, who took it (the requester is the caller). */
    channel: ticketChannel().notNull().default("portal"),
    takenById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** The SLA policy set by routing; null means the default policy. */
    slaPolicyId: uuid().references(() => slaPolicies.id),
    /** Deadlines to own and to resolve; null when the ticket has no commitment (hors périmètre). */
    ownBy: timestamp({ withTimezone: true }),
    resolveBy: timestamp({ withTimezone: true }),
    /** Business minutes spent waiting for the requester. */
    slaPausedMinutes: integer().notNull().default(0),
    /** computeSla's state; null when the ticket has no commitment. */
    slaState: text({ enum: ["ok", "at_risk", "breached"] }),
    /** The first time the ticket had an assignee while in progress. */
    takenAt: timestamp({ withTimezone: true }),
    /** The first public comment by someone other than the requester. */
    firstPublicReplyAt: timestamp({ withTimezone: true }),
    /** Bumped whenever ownBy or resolveBy changes: SLA job ids derive from it. */
    slaVersion: integer().notNull().default(0),
    /** SLA alarms (warnings, breaches, escalations) not yet recorded in the journal: the worker's delayed jobs mirror them. */
    slaAlarms: jsonb().$type<{ key: string; fireAt: string }[]>().notNull().default([]),
    /** The earliest fireAt of slaAlarms: the reconciliation reads it to rebuild lost jobs. */
    slaNextCheckAt: timestamp({ withTimezone: true }),
    /** How far the ticket has climbed the escalation ladder (0: not escalated). */
    escalationLevel: smallint().notNull().default(0),
    /** Once a commitment's clock stopped: whether it was met, and the business minutes it used (for compliance and dashboards). */
    ownMet: boolean(),
    ownedMinutes: integer(),
    resolveMet: boolean(),
    resolvedMinutes: integer(),
    /** French full-text search, accents ignored (text search configuration fr_unaccent, migration 0001). */
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('fr_unaccent', coalesce(reference, '') || ' ' || coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B')`,
    ),
  },
  (table) => [
    index("tickets_search_idx").using("gin", table.search),
    index("tickets_major_incident_idx")
      .on(table.majorIncidentId)
      .where(sql`${table.majorIncidentId} IS NOT NULL`),
    // Keyset pagination: lists sort by (created_at, id) within their scope, newest first or oldest first. The columns
    // are ascending on purpose: scanned backwards, an ascending btree gives `ORDER BY … DESC` (NULLS FIRST) exactly,
    // which a DESC NULLS LAST index cannot (PostgreSQL then scanned and sorted a whole team: bench/README.md).
    index("tickets_establishment_created_idx").on(table.establishmentId, table.createdAt, table.id),
    // Across schools (an admin's or the Région's list, newest first): without it a parallel scan and a top-N sort.
    index("tickets_created_idx").on(table.createdAt, table.id),
    index("tickets_requester_created_idx").on(table.requesterId, table.createdAt, table.id),
    index("tickets_team_status_created_idx").on(table.assignedTeamId, table.status, table.createdAt, table.id),
    // A list over a scope reads each member's page from its own index (db/queries/ticket-list.ts scopeMembers): a team's
    // tickets of every status newest first, and those the caller took on the phone (a few; the filed ones have theirs).
    index("tickets_team_created_idx").on(table.assignedTeamId, table.createdAt, table.id),
    index("tickets_taken_by_created_idx")
      .on(table.takenById, table.createdAt, table.id)
      .where(sql`${table.takenById} IS NOT NULL`),
    // Issue 19: every sort of a queue reads its page from an index (a team's 64,000-ticket history sorted by priority
    // was a sort of the whole team). One status (a history): the team and status, then the sort's keys. The open queue
    // asks for five statuses, and an IN list on an index column loses its order (PostgreSQL 15): partial indexes
    // on the open tickets instead, the predicate spelled as OPEN_STATUSES. The deadline is indexed as the `due_asc`
    // sort orders it, undated last (db/queries/ticket-list.ts DUE).
    index("tickets_team_status_priority_idx").on(table.assignedTeamId, table.status, table.priority, table.createdAt, table.id),
    index("tickets_team_status_updated_idx").on(table.assignedTeamId, table.status, table.updatedAt, table.id),
    index("tickets_team_status_due_idx").on(
      table.assignedTeamId,
      table.status,
      sql`coalesce(${table.resolveBy}, 'infinity'::timestamptz)`,
      table.id,
    ),
    // Migration 0037 also gives the planner statistics no schema declares: status and SLA state together, and the
    // team's 1,000 most common values.
    index("tickets_open_team_created_idx")
      .on(table.assignedTeamId, table.createdAt, table.id)
      .where(sql`${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`),
    index("tickets_open_team_priority_idx")
      .on(table.assignedTeamId, table.priority, table.createdAt, table.id)
      .where(sql`${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`),
    index("tickets_open_team_updated_idx")
      .on(table.assignedTeamId, table.updatedAt, table.id)
      .where(sql`${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`),
    index("tickets_open_team_due_idx")
      .on(table.assignedTeamId, sql`coalesce(${table.resolveBy}, 'infinity'::timestamptz)`, table.id)
      .where(sql`${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`),
    // The at-risk queue (open, at risk or breached), soonest deadline first: its page without sorting every late ticket.
    index("tickets_open_at_risk_due_idx")
      .on(sql`coalesce(${table.resolveBy}, 'infinity'::timestamptz)`, table.id)
      .where(
        sql`${table.slaState} IN ('at_risk', 'breached') AND ${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`,
      ),
    // The unassigned queue over every school (an admin's), newest first.
    index("tickets_open_unassigned_created_idx")
      .on(table.createdAt, table.id)
      .where(
        sql`${table.assigneeId} IS NULL AND ${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`,
      ),
    index("tickets_assignee_status_idx").on(table.assigneeId, table.status),
    index("tickets_status_created_idx").on(table.status, table.createdAt, table.id),
    index("tickets_sla_state_resolve_by_idx").on(table.slaState, table.resolveBy),
    index("tickets_sla_next_check_idx")
      .on(table.slaNextCheckAt)
      .where(sql`${table.slaNextCheckAt} IS NOT NULL`),
    index("tickets_team_resolved_idx").on(table.assignedTeamId, table.resolvedAt),
    // Per-team SLA summary: tickets whose time to own stopped in a period (taken, first reply or resolved, whichever came first).
    index("tickets_team_owned_idx").on(
      table.assignedTeamId,
      sql`least(${table.takenAt}, ${table.firstPublicReplyAt}, ${table.resolvedAt})`,
    ),
    // Dashboards (issue 7): each population of a school read index-only, school by school (db/queries/dashboard-tickets.ts).
    // Open now (the predicate is OPEN_STATUSES, as the queries spell it): counts, oldest and most urgent.
    index("tickets_dashboard_open_idx")
      .on(
        table.establishmentId,
        table.createdAt,
        table.id,
        table.status,
        table.priority,
        table.slaState,
        table.resolveBy,
        table.assignedTeamId,
      )
      .where(sql`${table.status} IN ('new', 'assigned', 'in_progress', 'waiting_requester', 'waiting_vendor')`),
    // Opened in a period: per week, type, service, team; time to own and its compliance.
    index("tickets_dashboard_created_idx").on(
      table.establishmentId,
      table.createdAt,
      table.type,
      table.serviceId,
      table.assignedTeamId,
      table.status,
      table.ownMet,
      table.ownedMinutes,
      table.ownBy,
      table.id,
    ),
    // Resolved in a period: per week, type, service, who resolved, team; time to resolve and its compliance; the id joins the ratings.
    index("tickets_dashboard_resolved_idx").on(
      table.establishmentId,
      table.resolvedAt,
      table.status,
      table.type,
      table.serviceId,
      table.assignedTeamId,
      table.vendorId,
      table.resolveMet,
      table.resolvedMinutes,
      table.id,
    ),
  ],
);

/** Per-year counter behind ticket references; one row per year, incremented in the creating transaction. */
export const ticketCounters = pgTable("ticket_counters", {
  year: integer().primaryKey(),
  last: integer().notNull().default(0),
});

export const ticketCis = pgTable(
  "ticket_cis",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    ciId: uuid()
      .notNull()
      .references(() => configurationItems.id),
  },
  (table) => [primaryKey({ columns: [table.ticketId, table.ciId] }), index("ticket_cis_ci_idx").on(table.ciId)],
);

/** The append-only journal of a ticket: comments and every change, with author and time. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: ticketEventKind().notNull(),
    visibility: visibility().notNull().default("public"),
    /** Null for events the system records itself (SLA, routing). */
    authorId: uuid().references(() => users.id),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Set on events the worker records (SLA alarms, escalations): a job run twice records once. */
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("ticket_events_ticket_idx").on(table.ticketId, table.createdAt, table.id),
    uniqueIndex("ticket_events_idempotency_idx")
      .on(table.ticketId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} IS NOT NULL`),
    // Per-team SLA summary: the escalations the worker recorded in a period.
    index("ticket_events_sla_escalations_idx")
      .on(table.createdAt)
      .where(sql`${table.kind} = 'escalated' AND ${table.data}->>'target' = 'sla'`),
  ],
);

/** Each stretch a ticket waited for a vendor, against the vendor's own repair time: per-vendor compliance reads it. */
export const vendorWaits = pgTable(
  "vendor_waits",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    since: timestamp({ withTimezone: true }).notNull(),
    vendorId: uuid()
      .notNull()
      .references(() => vendors.id),
    /** Null when the vendor has no agreed repair time. */
    dueAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.since] }),
    index("vendor_waits_vendor_idx").on(table.vendorId, table.since),
    // Per-vendor compliance: waits ended in a period or still under way (ended_at null) past their due date, and waits due in a period.
    index("vendor_waits_ended_due_idx").on(table.endedAt, table.dueAt),
    index("vendor_waits_due_idx").on(table.dueAt),
  ],
);

/**
 * A vendor's access to a ticket escalated to it, one row per escalation (lib/domain/vendor-access.ts):
 * it works on the ticket while its wait runs, reads it until 30 days after the wait ended, and reads
 * of the internal journal only what is listed here.
 */
export const vendorAccess = pgTable(
  "vendor_access",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /** The vendor's queue (a team of party vendor). */
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    grantedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the vendor's wait ended (handed back, moved on by the Région's team, another escalation); null while it runs. */
    endedAt: timestamp({ withTimezone: true }),
    /** Internal events shared with the vendor: the notes picked at escalation, the escalation itself, the vendor's replies and report. */
    sharedEventIds: bigint({ mode: "number" }).array().notNull().default([]),
    /** Files of internal notes picked at escalation, and the vendor's own. */
    sharedAttachmentIds: uuid().array().notNull().default([]),
  },
  (table) => [
    index("vendor_access_ticket_idx").on(table.ticketId),
    // A vendor's scope: its teams' grants still running or ended within the reading period.
    index("vendor_access_team_idx").on(table.teamId, table.endedAt),
  ],
);

/** A file attached to a ticket message (the creation or a comment); the bytes live under UPLOAD_DIR. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => ticketEvents.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** Path relative to UPLOAD_DIR; never derived from the user's file name. */
    storageKey: text().notNull().unique(),
    uploadedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("attachments_ticket_idx").on(table.ticketId), index("attachments_event_idx").on(table.eventId)],
);

/** The requester's satisfaction once the ticket is closed: one per ticket. */
export const ticketRatings = pgTable(
  "ticket_ratings",
  {
    ticketId: uuid()
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    score: smallint().notNull(),
    comment: text(),
    /** Null when rated through the signed link of the closing e-mail. */
    ratedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("ticket_ratings_score_range", sql`${table.score} BETWEEN 1 AND 5`)],
);

/** Teams kept informed of a ticket they do not hold (e.g. the Académie's RSSI on security incidents). */
export const ticketWatchers = pgTable(
  "ticket_watchers",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
  },
  (table) => [primaryKey({ columns: [table.ticketId, table.teamId] }), index("ticket_watchers_team_idx").on(table.teamId)],
);

/** People who follow a ticket besides its requester: the requesters of duplicates merged into it. */
export const ticketFollowers = pgTable(
  "ticket_followers",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.ticketId, table.userId] })],
);

/** Related tickets, stored once per pair with the smaller id first. */
export const ticketLinks = pgTable(
  "ticket_links",
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    relatedId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.relatedId] }),
    index("ticket_links_related_idx").on(table.relatedId),
    check("ticket_links_ordered", sql`${table.ticketId} < ${table.relatedId}`),
  ],
);

/** A technician's saved queue filters. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    query: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("saved_views_user_idx").on(table.userId, table.name)],
);
