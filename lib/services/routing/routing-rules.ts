import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { database, type Executor } from "@/db/client";
import { listRuleHistory } from "@/db/queries/routing-rule-history";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { categories, establishments, routingRules, services, teams, zones } from "@/db/schema";
import { missingCodes } from "@/db/queries/codes";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { insertionIndex, positionsFor } from "@/lib/domain/routing-order";
import type { FieldError } from "@/lib/schemas/field-errors";
import { hasPlaceholder, type RoutingRuleInput } from "@/lib/schemas/routing-rules";
import { auditRuleChange, recordRuleChange } from "./routing-rule-history";
import { FORBIDDEN, lockedRules, saveOrder } from "./routing-rule-order";
import { fail, succeed, type ServiceResult } from "../service-result";

const STALE = "routing.errors.ruleStale";
/** How many changes the rules page shows. */
export const ROUTING_HISTORY_LENGTH = 50;

export type RoutingRuleView = Awaited<ReturnType<typeof loadRoutingRules>>[number];

export async function listRoutingRules(caller: Caller): Promise<RoutingRuleView[] | null> {
  if (!can(caller, "routing.manage")) return null;
  return loadRoutingRules(database());
}

export async function readRoutingRule(caller: Caller, id: string): Promise<RoutingRuleView | null> {
  const rules = await listRoutingRules(caller);
  return rules?.find((rule) => rule.id === id) ?? null;
}

export async function listRoutingRuleChanges(caller: Caller) {
  if (!can(caller, "routing.manage")) return null;
  return listRuleHistory(database(), ROUTING_HISTORY_LENGTH);
}

/**
 * Codes that name nothing: a rule with a mistyped category never matches, and one giving tickets to
 * a team that does not exist leaves them unassigned. Codes with placeholders depend on the school
 * and are checked only for their syntax (by the schema).
 */
async function unknownCodeErrors(tx: Executor, rule: RoutingRuleInput): Promise<FieldError[]> {
  const fixedTeams = (codes: string[]) => codes.filter((code) => !hasPlaceholder(code));
  const checks: Array<[field: string, table: PgTable, column: PgColumn, codes: string[] | undefined, what: string]> = [
    ["teamCode", teams, teams.code, fixedTeams([rule.teamCode]), "routing.errors.noTeamCode"],
    ["watcherTeamCodes", teams, teams.code, fixedTeams(rule.watcherTeamCodes), "routing.errors.noTeamCode"],
    ["match.services", services, services.code, rule.match.services, "routing.errors.unknownServiceCode"],
    ["match.categories", categories, categories.code, rule.match.categories, "routing.errors.unknownCategoryCode"],
    ["match.establishments", establishments, establishments.uai, rule.match.establishments, "routing.errors.noSchoolUai"],
    ["match.zones", zones, zones.code, rule.match.zones, "routing.errors.unknownZoneCode"],
  ];
  const errors: FieldError[] = [];
  for (const [field, table, column, codes, what] of checks) {
    for (const code of await missingCodes(tx, table, column, codes ?? [])) errors.push({ field, message: what, values: { code } });
  }
  return errors;
}

const invalidCodes = (errors: FieldError[]) => fail<never>({ kind: "invalid", message: "forms.errors.checkFields", errors });

const columnsOf = (rule: RoutingRuleInput) => ({
  name: rule.name,
  enabled: rule.enabled,
  match: rule.match as Record<string, unknown>,
  teamCode: rule.teamCode,
  watcherTeamCodes: rule.watcherTeamCodes,
  priorityFloor: rule.priorityFloor,
  assignToReferent: rule.assignToReferent,
});

/** A new rule goes last, ahead of a final catch-all (which would otherwise hide it). */
export async function createRoutingRule(
  caller: Caller,
  rule: RoutingRuleInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ id: string }>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const errors = await unknownCodeErrors(tx, rule);
    if (errors.length) return invalidCodes(errors);
    const rows = await lockedRules(tx);
    const id = randomUUID();
    const order = rows.map((row) => row.id);
    order.splice(insertionIndex(rows.map((row) => ({ match: row.match }))), 0, id);
    // The others keep their place among themselves: only their sort keys change, unjournaled.
    await saveOrder(tx, rows, order, [], caller.id, now);
    const [created] = await tx
      .insert(routingRules)
      .values({ id, position: positionsFor(order).get(id)!, ...columnsOf(rule), updatedById: caller.id, updatedAt: now })
      .returning();
    await recordRuleChange(tx, { action: "created", before: null, after: created!, by: caller.id, at: now });
    await auditRuleChange(tx, actor, { action: "routing_rule.created", before: null, after: created! });
    return succeed({ id });
  });
}

/** The rule as the admin wrote it, refused if someone changed it since they opened it (`version`). */
export async function updateRoutingRule(
  caller: Caller,
  target: { id: string; version: number },
  rule: RoutingRuleInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const [before] = await tx.select().from(routingRules).where(eq(routingRules.id, target.id)).for("update");
    if (!before) return fail({ kind: "not_found" });
    if (before.version !== target.version) return fail({ kind: "conflict", message: STALE });
    const errors = await unknownCodeErrors(tx, rule);
    if (errors.length) return invalidCodes(errors);
    const [after] = await tx
      .update(routingRules)
      .set({ ...columnsOf(rule), version: before.version + 1, updatedById: caller.id, updatedAt: now })
      .where(eq(routingRules.id, target.id))
      .returning();
    await recordRuleChange(tx, { action: "updated", before, after: after!, by: caller.id, at: now });
    await auditRuleChange(tx, actor, { action: "routing_rule.updated", before, after: after! });
    return succeed(null);
  });
}

/** Switches a rule on or off; asking for the state it is already in changes nothing. */
export async function setRoutingRuleEnabled(
  caller: Caller,
  input: { id: string; enabled: boolean },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const [before] = await tx.select().from(routingRules).where(eq(routingRules.id, input.id)).for("update");
    if (!before) return fail({ kind: "not_found" });
    if (before.enabled === input.enabled) return succeed(null);
    const [after] = await tx
      .update(routingRules)
      .set({ enabled: input.enabled, version: before.version + 1, updatedById: caller.id, updatedAt: now })
      .where(eq(routingRules.id, input.id))
      .returning();
    await recordRuleChange(tx, { action: input.enabled ? "enabled" : "disabled", before, after: after!, by: caller.id, at: now });
    await auditRuleChange(tx, actor, { action: "routing_rule.updated", before, after: after! });
    return succeed(null);
  });
}

/** Deletes the rule the admin saw (`version`); the history keeps what it was. */
export async function deleteRoutingRule(
  caller: Caller,
  target: { id: string; version: number },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const [before] = await tx.select().from(routingRules).where(eq(routingRules.id, target.id)).for("update");
    if (!before) return fail({ kind: "not_found" });
    if (before.version !== target.version) return fail({ kind: "conflict", message: STALE });
    await tx.delete(routingRules).where(eq(routingRules.id, target.id));
    await recordRuleChange(tx, { action: "deleted", before, after: null, by: caller.id, at: now });
    await auditRuleChange(tx, actor, { action: "routing_rule.deleted", before, after: null });
    return succeed(null);
  });
}
