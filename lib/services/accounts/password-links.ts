import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { passwordLinks, users } from "@/db/schema";
import { passwordLinkByHash } from "@/db/queries/password-links";
import { hashPassword } from "@/lib/services/accounts/password-hash";
import type { AuditActor } from "@/lib/domain/audit";
import { PASSWORD_LINK_LIFETIME_HOURS, passwordLinkExpiry, passwordLinkUsable } from "@/lib/domain/password-links";
import { revokeAllApiTokens } from "./api-tokens";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { recordAccountEmail, type AccountRecipient } from "./account-mail";
import { passwordRefusal } from "./password-rules";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a one-time link to choose a password and writes its e-mail, in the caller's transaction. Earlier
 * unused links of the account stop working: only the latest e-mail opens it. Returns the token (the
 * command line prints it when no mail server answers) and the outbox id.
 */
export async function issuePasswordLink(
  tx: Executor,
  recipient: AccountRecipient,
  link: { purpose: "invitation"; invitedBy: string } | { purpose: "reset" },
  now: Date,
): Promise<{ token: string; outboxId: string }> {
  const { purpose } = link;
  const token = randomBytes(32).toString("base64url");
  await tx.delete(passwordLinks).where(and(eq(passwordLinks.userId, recipient.id), isNull(passwordLinks.usedAt)));
  await tx
    .insert(passwordLinks)
    .values({ userId: recipient.id, purpose, tokenHash: hashToken(token), expiresAt: passwordLinkExpiry(purpose, now), createdAt: now });
  const lifetimeHours = PASSWORD_LINK_LIFETIME_HOURS[purpose];
  const outboxId = await recordAccountEmail(
    tx,
    recipient,
    link.purpose === "invitation"
      ? { kind: "invitation", token, invitedBy: link.invitedBy, lifetimeHours }
      : { kind: "reset", token, lifetimeHours },
    now,
  );
  return { token, outboxId };
}

async function usableLink(executor: Executor, token: string, now: Date, lock: boolean) {
  const query = passwordLinkByHash(executor, hashToken(token));
  const [link] = lock ? await query.for("update") : await query;
  return link && passwordLinkUsable({ ...link, accountDisabled: link.disabledAt !== null }, now) ? link : null;
}

/** The page behind the link: whose account and why, or null when the link is unknown, used, expired or the account disabled. */
export async function readPasswordLink(token: string, now: Date) {
  const link = await usableLink(database(), token, now, false);
  return link ? { purpose: link.purpose, email: link.email, name: link.name } : null;
}

/**
 * Sets the password through a one-time link, once: the link is spent, every session and API token of the
 * account ends (whoever asked for a reset may fear someone else is in), and the audit trail records it.
 */
export async function setPasswordWithLink(
  input: { token: string; password: string },
  now: Date,
  actorOf: (user: { id: string; email: string }) => AuditActor,
): Promise<ServiceResult<{ email: string }>> {
  return database().transaction(async (tx) => {
    const link = await usableLink(tx, input.token, now, true);
    if (!link) return fail<{ email: string }>({ kind: "not_found" });
    const refusal = passwordRefusal(input.password, link.email);
    if (refusal) return fail<{ email: string }>(refusal);
    const actor = actorOf({ id: link.userId, email: link.email });
    await tx.update(passwordLinks).set({ usedAt: now }).where(eq(passwordLinks.id, link.id));
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        passwordSetAt: now,
        tokenVersion: sql`${users.tokenVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, link.userId));
    await revokeAllApiTokens(tx, link.userId, actor);
    await recordAudit(tx, actor, {
      action: "account.password_set",
      objectType: "user",
      objectId: link.userId,
      after: { through: link.purpose },
    });
    return succeed({ email: link.email });
  });
}
