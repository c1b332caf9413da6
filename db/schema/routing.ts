import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { priority } from "./enums";
import { users } from "./users";

/** Targets per priority, in business minutes: time to own (TTO) and to resolve (TTR). */
export type SlaTargets = Record<"P1" | "P2" | "P3" | "P4", { own: number; resolve: number }>;

export const slaPolicies = pgTable("sla_policies", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  targets: jsonb().$type<SlaTargets>().notNull(),
});

/**
 * An ordered routing rule: the first enabled rule whose `match` fits the ticket sets its team.
 * `teamCode` may hold {zone}, {departement} or {uai}, filled from the establishment.
 */
export const routingRules = pgTable("routing_rules", {
  id: uuid().primaryKey().defaultRandom(),
  position: integer().notNull(),
  name: text().notNull(),
  enabled: boolean().notNull().default(true),
  match: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  teamCode: text().notNull(),
  watcherTeamCodes: text().array().notNull().default([]),
  priorityFloor: priority(),
  /** "Assigner au référent de l'établissement": the school's referent, else the backup when the referent is absent, else the team. */
  assignToReferent: boolean().notNull().default(false),
  slaPolicyId: uuid().references(() => slaPolicies.id),
  /** Bumped on every change; an edit made on a stale version is refused. */
  version: integer().notNull().default(1),
  updatedById: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Every change to the routing rules: who, when, and the rule before and after. */
export const routingRuleHistory = pgTable(
  "routing_rule_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    ruleId: uuid().notNull(),
    action: text({ enum: ["created", "updated", "enabled", "disabled", "moved", "deleted"] }).notNull(),
    before: jsonb().$type<Record<string, unknown> | null>(),
    after: jsonb().$type<Record<string, unknown> | null>(),
    changedById: uuid().references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("routing_rule_history_changed_idx").on(table.changedAt.desc(), table.id.desc())],
);

/**
 * One row: the version of the reference data the web processes cache (routing rules, SLA policies, teams, calendar
 * closures, the catalogue, critical periods), bumped by a trigger on every statement writing one of those tables
 * (migrations 0034 and 0036).
 */
export const referenceVersion = pgTable(
  "reference_version",
  {
    singleton: boolean().primaryKey().default(true),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (table) => [check("reference_version_singleton", sql`${table.singleton}`)],
);
