import { asc, eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { routingRules } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { isPermutation, moveOne, movedIds, positionsFor, type MoveDirection } from "@/lib/domain/routing-order";
import { auditRuleOrder, recordRuleChange } from "./routing-rule-history";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";

type RuleRow = typeof routingRules.$inferSelect;

export const FORBIDDEN: ServiceFailure = { kind: "forbidden", message: "routing.errors.forbidden" };

/** Every rule in order, locked: changes to the order (and creations) wait for each other. */
export function lockedRules(tx: Executor): Promise<RuleRow[]> {
  return tx.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.id)).for("update");
}

/**
 * Rewrites the sort keys for `order`. Rules in `moved` changed place among the others: they are
 * journaled. The rest only get a new key; moves bump no version, since the edit form never
 * changes a rule's place and an open edit must not turn stale because of them.
 */
export async function saveOrder(tx: Executor, rows: RuleRow[], order: string[], moved: string[], by: string, now: Date): Promise<void> {
  const positions = positionsFor(order);
  for (const row of rows) {
    const position = positions.get(row.id)!;
    const journaled = moved.includes(row.id);
    if (position === row.position && !journaled) continue;
    const [after] = await tx
      .update(routingRules)
      .set(journaled ? { position, updatedById: by, updatedAt: now } : { position })
      .where(eq(routingRules.id, row.id))
      .returning();
    if (journaled) await recordRuleChange(tx, { action: "moved", before: row, after: after!, by, at: now });
  }
}

/** Swaps a rule with its neighbour above or below; a rule already at that end stays put. */
export async function moveRoutingRule(
  caller: Caller,
  input: { id: string; direction: MoveDirection },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const rows = await lockedRules(tx);
    const ids = rows.map((row) => row.id);
    if (!ids.includes(input.id)) return fail({ kind: "not_found" });
    const order = moveOne(ids, input.id, input.direction);
    if (order) {
      await saveOrder(tx, rows, order, movedIds(ids, order), caller.id, now);
      await auditRuleOrder(tx, actor, input.id, rows, order);
    }
    return succeed(null);
  });
}

/** Puts every rule in the given order; the list must name each rule once, as the caller last saw them. */
export async function reorderRoutingRules(caller: Caller, ids: string[], now: Date, actor: AuditActor): Promise<ServiceResult<null>> {
  if (!can(caller, "routing.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const rows = await lockedRules(tx);
    const current = rows.map((row) => row.id);
    if (!isPermutation(current, ids)) {
      return fail({ kind: "conflict", message: "routing.errors.reorderStale" });
    }
    const moved = movedIds(current, ids);
    await saveOrder(tx, rows, ids, moved, caller.id, now);
    if (moved.length) await auditRuleOrder(tx, actor, null, rows, ids);
    return succeed(null);
  });
}
