import { eq, sql } from "drizzle-orm";
import { database } from "@/db/client";
import { accountById } from "@/db/queries/users";
import { users } from "@/db/schema";
import { passwordHashOf } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "@/lib/services/accounts/password-hash";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { revokeAllApiTokens } from "./api-tokens";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { passwordRefusal } from "./password-rules";

/** "Mon compte": the person's own name, phone and notification address; one audit row. */
export async function updateOwnProfile(
  caller: Caller,
  input: { name: string; phone: string | null; notificationEmail: string | null },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  return database().transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, phone: users.phone, notificationEmail: users.notificationEmail })
      .from(users)
      .where(eq(users.id, caller.id))
      .for("update");
    if (!before) return fail<null>({ kind: "not_found" });
    await tx
      .update(users)
      .set({ ...input, updatedAt: now, updatedById: caller.id })
      .where(eq(users.id, caller.id));
    await recordAudit(tx, actor, { action: "account.updated", objectType: "user", objectId: caller.id, before, after: input });
    return succeed(null);
  });
}

/**
 * "Mon compte": a new password, the current one asked first. Every session (token version) and API token
 * of the account ends; the caller's page renews its own session with the returned version.
 */
export async function changeOwnPassword(
  caller: Caller,
  input: { current: string; password: string },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ tokenVersion: number }>> {
  if (!(await verifyPassword(await passwordHashOf(database(), caller.id), input.current))) {
    const message = "account.errors.wrongCurrentPassword";
    return fail({ kind: "invalid", message, errors: [{ field: "current", message }] });
  }
  const refusal = passwordRefusal(input.password, caller.email);
  if (refusal) return fail(refusal);
  const passwordHash = await hashPassword(input.password);
  return database().transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordSetAt: now, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: now, updatedById: caller.id })
      .where(eq(users.id, caller.id))
      .returning({ tokenVersion: users.tokenVersion });
    await revokeAllApiTokens(tx, caller.id, actor);
    await recordAudit(tx, actor, { action: "account.password_changed", objectType: "user", objectId: caller.id });
    return succeed({ tokenVersion: updated!.tokenVersion });
  });
}

/** "Mon compte": the person's own account as the profile form shows it. */
export function readOwnAccount(caller: Caller) {
  return accountById(database(), caller.id);
}
