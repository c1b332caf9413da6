import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { delegations, establishments } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { canReviewDelegations, registerState, scopeIncludes } from "@/lib/domain/registers";
import type { ReviewDelegationInput } from "@/lib/schemas/registers";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { registerScopeOf } from "./read-registers";

/**
 * The head reviews a delegation in force: kept, it is no longer "à revoir"; ended, it stops today (`endedAt`) and
 * reads "expirée". One transaction with its audit row. Out of the caller's sight: not found.
 */
export async function reviewDelegation(
  caller: Caller,
  input: ReviewDelegationInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  const db = database();
  const scope = await registerScopeOf(db, caller);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        establishmentId: delegations.establishmentId,
        zoneId: establishments.zoneId,
        startsOn: delegations.startsOn,
        endsOn: delegations.endsOn,
        endedAt: delegations.endedAt,
        needsReview: delegations.needsReview,
      })
      .from(delegations)
      .innerJoin(establishments, eq(establishments.id, delegations.establishmentId))
      .where(eq(delegations.id, input.delegationId))
      .for("update", { of: delegations });
    if (!row || !scopeIncludes(scope, { id: row.establishmentId, zoneId: row.zoneId })) return fail({ kind: "not_found" });
    if (!canReviewDelegations(caller, row.establishmentId)) return fail({ kind: "forbidden", message: "registers.errors.reviewForbidden" });
    if (registerState({ ...row, ended: row.endedAt !== null }, parisDay(now)) !== "in_force")
      return fail({ kind: "conflict", message: "registers.errors.delegationOver" });
    const change = input.outcome === "end" ? { needsReview: null, endedAt: now } : { needsReview: null };
    await tx.update(delegations).set(change).where(eq(delegations.id, input.delegationId));
    await recordAudit(tx, actor, {
      action: input.outcome === "end" ? "delegation.ended" : "delegation.reviewed",
      objectType: "delegation",
      objectId: input.delegationId,
      before: { needsReview: row.needsReview, endedAt: null },
      after: { needsReview: null, endedAt: input.outcome === "end" ? now.toISOString() : null },
    });
    return succeed(null);
  });
}
