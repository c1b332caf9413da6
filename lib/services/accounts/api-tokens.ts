import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, type SQL } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { liveApiTokensOf } from "@/db/queries/api-tokens";
import { apiTokens } from "@/db/schema";
import { liveApiTokenCaller } from "@/db/queries/users";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { recordAudit } from "../audit/record-audit";
import { callerOf } from "./load-caller";
import { fail, succeed, type ServiceResult } from "../service-result";

export const API_TOKEN_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Last use is written at most this often per token, so a busy script does not rewrite its row on every call. */
const LAST_USE_PRECISION_MS = 60 * 1000;
const TOKEN_PREFIX = "gui_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a bearer token and records it in the audit trail; only its hash is stored, so a database leak yields no usable token. */
export async function issueApiToken(
  executor: Executor,
  userId: string,
  now: Date,
  actor: AuditActor,
): Promise<{ token: string; expiresAt: Date }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + API_TOKEN_LIFETIME_MS);
  const [row] = await executor
    .insert(apiTokens)
    .values({ userId, tokenHash: hashToken(token), expiresAt, createdAt: now })
    .returning({ id: apiTokens.id });
  await recordAudit(executor, actor, {
    action: "token.issued",
    objectType: "api_token",
    objectId: row!.id,
    after: { userId, expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt };
}

/**
 * The caller behind a live token (with its schools and teams, in one statement), or null: unknown, expired or
 * revoked token, disabled account. Records the token's use.
 */
export async function callerForApiToken(token: string, now: Date): Promise<Caller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await liveApiTokenCaller(database(), hashToken(token), now);
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= LAST_USE_PRECISION_MS) {
    await database().update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return callerOf(row.caller);
}

/** Deletes the tokens matching every condition (at least one) and writes one audit row per token; returns how many went. */
async function revokeWhere(executor: Executor, conditions: [SQL, ...SQL[]], actor: AuditActor): Promise<number> {
  const revoked = await executor
    .delete(apiTokens)
    .where(and(...conditions))
    .returning({ id: apiTokens.id, userId: apiTokens.userId });
  for (const token of revoked) {
    await recordAudit(executor, actor, {
      action: "token.revoked",
      objectType: "api_token",
      objectId: token.id,
      before: { userId: token.userId },
    });
  }
  return revoked.length;
}

/** `DELETE /api/v1/tokens`: the token the caller authenticated with revokes itself. */
export async function revokePresentedApiToken(token: string, actor: AuditActor): Promise<void> {
  await database().transaction((tx) => revokeWhere(tx, [eq(apiTokens.tokenHash, hashToken(token))], actor));
}

/** "Mon compte": the caller's own live tokens. */
export function listOwnApiTokens(caller: Caller, now: Date) {
  return liveApiTokensOf(database(), caller.id, now);
}

/** "Mon compte": revokes one of the caller's own tokens; another account's token is "not found". */
export async function revokeOwnApiToken(caller: Caller, tokenId: string, actor: AuditActor): Promise<ServiceResult<null>> {
  return database().transaction(async (tx) => {
    const revoked = await revokeWhere(tx, [eq(apiTokens.id, tokenId), eq(apiTokens.userId, caller.id)], actor);
    return revoked > 0 ? succeed(null) : fail<null>({ kind: "not_found" });
  });
}

/** Revokes every token of an account, inside the caller's transaction (sign-out everywhere, disabling). */
export async function revokeAllApiTokens(executor: Executor, userId: string, actor: AuditActor): Promise<number> {
  return revokeWhere(executor, [eq(apiTokens.userId, userId)], actor);
}

/** Deletes tokens that expired before `now`; run hourly by the worker. Returns how many went. */
export async function purgeExpiredApiTokens(now: Date): Promise<number> {
  const deleted = await database().delete(apiTokens).where(lt(apiTokens.expiresAt, now)).returning({ id: apiTokens.id });
  return deleted.length;
}
