import { database } from "@/db/client";
import { accountById, type AccountRecord } from "@/db/queries/users";
import { accountAccess, managesAccounts } from "@/lib/domain/account-permissions";
import type { Caller } from "@/lib/domain/caller";
import { fail, succeed, type ServiceResult } from "../service-result";
import { refusal } from "./account-changes";

/** One account, if the caller may see it (another school's answers "not found", like a missing one). */
export async function readAccount(caller: Caller, id: string): Promise<ServiceResult<AccountRecord>> {
  if (!managesAccounts(caller)) return fail(refusal("forbidden", caller));
  const account = await accountById(database(), id);
  if (!account) return fail({ kind: "not_found" });
  const access = accountAccess(caller, { role: account.role, establishmentIds: account.establishments.map((school) => school.id) });
  return access === "allowed" ? succeed(account) : fail(refusal(access, caller));
}
