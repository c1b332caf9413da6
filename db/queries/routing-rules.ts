import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { routingRules, slaPolicies } from "@/db/schema";
import type { RoutingRule, RuleMatch } from "@/lib/domain/routing";

/** The rules in their order, as the router takes them. */
export async function loadRoutingRules(db: Executor): Promise<Array<RoutingRule & { position: number; version: number }>> {
  const rows = await db
    .select({ rule: routingRules, slaPolicyCode: slaPolicies.code })
    .from(routingRules)
    .leftJoin(slaPolicies, eq(slaPolicies.id, routingRules.slaPolicyId))
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.map(({ rule, slaPolicyCode }) => ({
    id: rule.id,
    position: rule.position,
    version: rule.version,
    name: rule.name,
    enabled: rule.enabled,
    match: rule.match as RuleMatch,
    teamCode: rule.teamCode,
    watcherTeamCodes: rule.watcherTeamCodes,
    priorityFloor: rule.priorityFloor,
    slaPolicyCode,
    assignToReferent: rule.assignToReferent,
  }));
}
