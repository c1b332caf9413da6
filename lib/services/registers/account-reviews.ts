import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { delegations } from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import { delegationReviewsAfter, type AccountFacts } from "@/lib/domain/registers";

/**
 * In the transaction of an account change (issue 15): the school's delegations still running become "à revoir"
 * when its head changed (someone became or stopped being its head), and the person's own delegations at a school
 * they left (removed, or disabled) too (lib/domain/registers.ts's delegationReviewsAfter).
 */
export async function reviewDelegationsAfterAccountChange(
  tx: Executor,
  userId: string,
  before: AccountFacts,
  after: AccountFacts,
  now: Date,
): Promise<void> {
  const { headChanged, left } = delegationReviewsAfter(before, after);
  const running = and(isNull(delegations.endedAt), gt(delegations.endsOn, parisDay(now)));
  if (headChanged.length)
    await tx
      .update(delegations)
      .set({ needsReview: "head_changed" })
      .where(and(running, inArray(delegations.establishmentId, headChanged)));
  if (left.length)
    await tx
      .update(delegations)
      .set({ needsReview: "delegate_left" })
      .where(and(running, eq(delegations.delegateId, userId), inArray(delegations.establishmentId, left)));
}
