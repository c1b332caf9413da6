import { lt, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { IDEMPOTENCY_WINDOW_MS } from "@/lib/http/idempotency-key";

/** A creation asked for under an `Idempotency-Key`: who, the key, and the request's fingerprint. */
export type IdempotencyClaim = { userId: string; key: string; fingerprint: string };

/**
 * Thrown inside a creation's transaction when another request recorded the same key first (a retry that
 * raced the original): the transaction rolls back, creating nothing, and the route answers the recorded result.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super("Idempotency-Key already recorded by another request");
  }
}

/**
 * Records what the creation produced under the caller's key, in the creation's transaction. A row older than
 * the window is replaced; a live one (a concurrent retry committed first) makes the whole creation roll back.
 */
export async function recordIdempotencyKey(tx: Executor, claim: IdempotencyClaim, result: Record<string, unknown>, now: Date) {
  const stale = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  const recorded = await tx
    .insert(idempotencyKeys)
    .values({ ...claim, result, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { fingerprint: claim.fingerprint, result, createdAt: now },
      setWhere: sql`${idempotencyKeys.createdAt} <= ${stale}`,
    })
    .returning({ key: idempotencyKeys.key });
  if (recorded.length === 0) throw new IdempotencyKeyTaken();
}

/** Deletes the keys past the window (hourly, by the worker). */
export async function purgeIdempotencyKeys(now: Date): Promise<number> {
  const deleted = await database()
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
