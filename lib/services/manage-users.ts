import { eq, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { listUsers, type UserCursor } from "@/db/queries/users";
import { apiTokens, users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";

export type ManageUsersError = "forbidden" | "not_found" | "self";

export async function listAccounts(caller: Caller, options: { after?: UserCursor; limit: number }) {
  if (!can(caller, "users.manage")) return null;
  return listUsers(database(), options);
}

/**
 * Disables or re-enables an account. Disabling revokes its sessions (token version)
 * and its API tokens in the same transaction, so it takes effect on the next request.
 */
export async function setAccountDisabled(
  caller: Caller,
  input: { userId: string; disabled: boolean },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: ManageUsersError }> {
  if (!can(caller, "users.manage")) return { ok: false, error: "forbidden" };
  if (input.userId === caller.id && input.disabled) return { ok: false, error: "self" };
  return database().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) return { ok: false as const, error: "not_found" as const };
    await tx.update(users)
      .set(input.disabled ? { disabledAt: now, tokenVersion: sql`${users.tokenVersion} + 1` } : { disabledAt: null })
      .where(eq(users.id, target.id));
    if (input.disabled) await tx.delete(apiTokens).where(eq(apiTokens.userId, target.id));
    return { ok: true as const };
  });
}
