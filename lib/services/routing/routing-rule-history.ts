import type { Executor } from "@/db/client";
import { routingRuleHistory, routingRules } from "@/db/schema";
import type { RuleHistoryAction } from "@/db/queries/routing-rule-history";
import type { AuditActor } from "@/lib/domain/audit";
import { recordAudit } from "../audit/record-audit";

type RuleRow = typeof routingRules.$inferSelect;

/** What the history keeps of a rule: everything an admin can change, and its version. */
function snapshot(row: RuleRow) {
  const { name, position, enabled, match, teamCode, watcherTeamCodes, priorityFloor, assignToReferent, slaPolicyId, version } = row;
  return { name, position, enabled, match, teamCode, watcherTeamCodes, priorityFloor, assignToReferent, slaPolicyId, version };
}

/** Journals one change to one rule, inside the transaction that makes it. */
export async function recordRuleChange(
  tx: Executor,
  change: { action: RuleHistoryAction; before: RuleRow | null; after: RuleRow | null; by: string; at: Date },
): Promise<void> {
  const rule = change.after ?? change.before;
  if (!rule) throw new Error("A rule change needs the rule before or after it.");
  await tx.insert(routingRuleHistory).values({
    ruleId: rule.id,
    action: change.action,
    changedById: change.by,
    changedAt: change.at,
    before: change.before && snapshot(change.before),
    after: change.after && snapshot(change.after),
  });
}

/** The audit row of a rule's creation, edit (switching it on or off included) or deletion, in the same transaction. */
export async function auditRuleChange(
  tx: Executor,
  actor: AuditActor,
  change: {
    action: "routing_rule.created" | "routing_rule.updated" | "routing_rule.deleted";
    before: RuleRow | null;
    after: RuleRow | null;
  },
): Promise<void> {
  const rule = change.after ?? change.before;
  await recordAudit(tx, actor, {
    action: change.action,
    objectType: "routing_rule",
    objectId: rule?.id ?? null,
    before: change.before && snapshot(change.before),
    after: change.after && snapshot(change.after),
  });
}

/**
 * The audit row of a new order: the rules' names in order, before → after. `ruleId` names the rule moved
 * by one place; a whole new order names none.
 */
export async function auditRuleOrder(
  tx: Executor,
  actor: AuditActor,
  ruleId: string | null,
  rows: RuleRow[],
  order: string[],
): Promise<void> {
  const names = new Map(rows.map((row) => [row.id, row.name]));
  await recordAudit(tx, actor, {
    action: "routing_rule.reordered",
    objectType: "routing_rule",
    objectId: ruleId,
    before: { order: rows.map((row) => row.name) },
    after: { order: order.map((id) => names.get(id) ?? id) },
  });
}
