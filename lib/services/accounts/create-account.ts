import { database } from "@/db/client";
import { users } from "@/db/schema";
import { accountByEmail } from "@/db/queries/users";
import type { AuditActor } from "@/lib/domain/audit";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { nextState, writeAffiliations, type AccountAuthor, type AccountInput } from "./account-changes";
import { issuePasswordLink } from "./password-links";
import { reviewDelegationsAfterAccountChange } from "../registers/account-reviews";

export type CreatedAccount = { id: string; invitationToken: string };

/**
 * Opens an account and mails its person a 72-hour link to choose a password; until then the account can
 * neither sign in nor get an API token (it has no password). The e-mail is unique whatever its case.
 * The invitation token comes back only for the command line, which prints it when no mail server answers.
 */
export async function createAccount(
  author: AccountAuthor,
  input: AccountInput & { email: string; name: string },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<CreatedAccount>> {
  const email = input.email.trim().toLowerCase();
  const result = await database().transaction(async (tx) => {
    const after = await nextState(tx, author, null, { ...input, disabled: false });
    if (!after.ok) return after;
    const existing = await accountByEmail(tx, email);
    if (existing) return fail<never>({ kind: "conflict", message: "users.errors.emailTaken" });
    const state = after.value;
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: state.name,
        phone: state.phone,
        role: state.role,
        functionCode: state.functionCode,
        createdAt: now,
        updatedAt: now,
        updatedById: author.id,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    // Someone else took the address between the check and the insert.
    if (!created) return fail<never>({ kind: "conflict", message: "users.errors.emailTaken" });
    await writeAffiliations(tx, created.id, null, state, now);
    // A new head of a school: its delegations are "à revoir".
    await reviewDelegationsAfterAccountChange(tx, created.id, null, state, now);
    await recordAudit(tx, actor, { action: "account.created", objectType: "user", objectId: created.id, after: { email, ...state } });
    const link = await issuePasswordLink(
      tx,
      { id: created.id, email, name: state.name },
      { purpose: "invitation", invitedBy: author.name },
      now,
    );
    return succeed({ id: created.id, invitationToken: link.token, outboxId: link.outboxId });
  });
  if (!result.ok) return result;
  await afterCommit({ outboxIds: [result.value.outboxId] });
  return succeed({ id: result.value.id, invitationToken: result.value.invitationToken });
}
