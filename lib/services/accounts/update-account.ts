import { database } from "@/db/client";
import { accountById, type AccountRecord } from "@/db/queries/users";
import { managesAccounts } from "@/lib/domain/account-permissions";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { afterCommit } from "../after-commit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { applyAccountChange, lockedAccount, nextState, refusal, stateOf, type AccountInput } from "./account-changes";

/**
 * Edits, disables or re-enables an account (PATCH semantics: what is not given stays) and returns it as it
 * now is (a head who removed someone from their last school can no longer read it afterwards). Nobody
 * disables their own account or changes their own role: an admin could otherwise lock everyone out.
 */
type Changed = { outboxIds: string[]; account: AccountRecord };

export async function updateAccount(
  caller: Caller,
  id: string,
  input: AccountInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<AccountRecord>> {
  if (!managesAccounts(caller)) return fail(refusal("forbidden", caller));
  const result = await database().transaction(async (tx) => {
    const account = await lockedAccount(tx, id);
    if (!account) return fail<Changed>({ kind: "not_found" });
    const after = await nextState(tx, caller, stateOf(account), input);
    if (!after.ok) return after;
    if (id === caller.id && (after.value.disabled || after.value.role !== account.role)) {
      return fail<Changed>({ kind: "unprocessable", message: "users.errors.cannotChangeSelf" });
    }
    const outboxIds = await applyAccountChange(tx, caller, account, after.value, now, actor);
    return succeed({ outboxIds, account: (await accountById(tx, id))! });
  });
  if (!result.ok) return result;
  await afterCommit({ outboxIds: result.value.outboxIds });
  return succeed(result.value.account);
}
