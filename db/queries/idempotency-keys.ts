import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

/** What a caller's key recorded since `since` (the window's start), or null. */
export async function recordedIdempotencyKey(db: Executor, userId: string, key: string, since: Date) {
  const [row] = await db
    .select({ fingerprint: idempotencyKeys.fingerprint, result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), gt(idempotencyKeys.createdAt, since)));
  return row ?? null;
}
