import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { database } from "@/db/client";
import { apiTokens } from "@/db/schema";

export const API_TOKEN_LIFETIME_MS = 8 * 60 * 60 * 1000;
const TOKEN_PREFIX = "gui_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a bearer token; only its hash is stored, so a database leak yields no usable token. */
export async function issueApiToken(userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + API_TOKEN_LIFETIME_MS);
  await database().insert(apiTokens).values({ userId, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

/** The user id behind a live token, or null. */
export async function userIdForApiToken(token: string, now: Date): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await database()
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), gt(apiTokens.expiresAt, now)));
  return row?.userId ?? null;
}

/** Deletes tokens that expired before `now`; run hourly by the worker. Returns how many went. */
export async function purgeExpiredApiTokens(now: Date): Promise<number> {
  const deleted = await database().delete(apiTokens).where(lt(apiTokens.expiresAt, now)).returning({ id: apiTokens.id });
  return deleted.length;
}
