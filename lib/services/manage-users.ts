import { eq, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { listUsers, type UserCursor } from "@/db/queries/users";
import { users } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { revokeAllApiTokens } from "./api-tokens";
import { recordAudit } from "./audit/record-audit";
import { fail, succeed, type ServiceResult } from "./service-result";

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
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "users.manage")) return fail({ kind: "forbidden", message: "Seuls les administrateurs gèrent les comptes." });
  if (input.userId === caller.id && input.disabled) return fail({ kind: "unprocessable", message: "Vous ne pouvez pas désactiver votre propre compte." });
  return database().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id, email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) return fail<null>({ kind: "not_found" });
    await tx.update(users)
      .set(input.disabled ? { disabledAt: now, tokenVersion: sql`${users.tokenVersion} + 1` } : { disabledAt: null })
      .where(eq(users.id, target.id));
    if (input.disabled) await revokeAllApiTokens(tx, target.id, actor);
    await recordAudit(tx, actor, {
      action: input.disabled ? "account.disabled" : "account.enabled", objectType: "user", objectId: target.id,
      before: { email: target.email, disabled: target.disabledAt !== null }, after: { email: target.email, disabled: input.disabled },
    });
    return succeed(null);
  });
}
