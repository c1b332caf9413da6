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
