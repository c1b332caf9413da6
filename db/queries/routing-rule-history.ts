import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { routingRuleHistory, users } from "@/db/schema";

export type RuleHistoryAction = (typeof routingRuleHistory.$inferSelect)["action"];

export type RuleHistoryEntry = {
  id: number;
  ruleId: string;
  ruleName: string;
  action: RuleHistoryAction;
  changedAt: Date;
  changedBy: string | null;
};

const nameIn = (snapshot: Record<string, unknown> | null) => (typeof snapshot?.name === "string" ? snapshot.name : null);

/** The latest changes to the routing rules, newest first; the rule's name comes from its snapshot, as it may be deleted. */
export async function listRuleHistory(db: Executor, limit: number): Promise<RuleHistoryEntry[]> {
  const rows = await db
    .select({
      id: routingRuleHistory.id,
      ruleId: routingRuleHistory.ruleId,
      action: routingRuleHistory.action,
      before: routingRuleHistory.before,
      after: routingRuleHistory.after,
      changedAt: routingRuleHistory.changedAt,
      changedBy: users.name,
    })
    .from(routingRuleHistory)
    .leftJoin(users, eq(users.id, routingRuleHistory.changedById))
    .orderBy(desc(routingRuleHistory.changedAt), desc(routingRuleHistory.id))
    .limit(limit);
  return rows.map(({ before, after, ...row }) => ({ ...row, ruleName: nameIn(after) ?? nameIn(before) ?? "" }));
}
