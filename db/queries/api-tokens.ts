import { and, desc, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiTokens } from "@/db/schema";

/** An account's live API tokens, newest first (never their hashes). */
export function liveApiTokensOf(executor: Executor, userId: string, now: Date) {
  return executor
    .select({ id: apiTokens.id, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), gt(apiTokens.expiresAt, now)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** The live token of that hash (not expired), with its owner and last use; or null. */
export async function liveApiToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), gt(apiTokens.expiresAt, now)));
  return row ?? null;
}
