import type { Executor } from "@/db/client";
import { routingRuleHistory, routingRules } from "@/db/schema";
import type { RuleHistoryAction } from "@/db/queries/routing-rule-history";

type RuleRow = typeof routingRules.$inferSelect;

/** What the history keeps of a rule: everything an admin can change, and its version. */
function snapshot(row: RuleRow) {
  const { name, position, enabled, match, teamCode, watcherTeamCodes, priorityFloor, slaPolicyId, version } = row;
  return { name, position, enabled, match, teamCode, watcherTeamCodes, priorityFloor, slaPolicyId, version };
}

/** Journals one change to one rule, inside the transaction that makes it. */
export async function recordRuleChange(
  tx: Executor,
  change: { action: RuleHistoryAction; before: RuleRow | null; after: RuleRow | null; by: string; at: Date },
): Promise<void> {
  const rule = change.after ?? change.before;
  if (!rule) throw new Error("A rule change needs the rule before or after it.");
  await tx.insert(routingRuleHistory).values({
    ruleId: rule.id, action: change.action, changedById: change.by, changedAt: change.at,
    before: change.before && snapshot(change.before), after: change.after && snapshot(change.after),
  });
}
