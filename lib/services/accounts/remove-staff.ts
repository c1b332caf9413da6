import { database } from "@/db/client";
import { ticketFollowers } from "@/db/schema";
import { openTicketIdsOf } from "@/db/queries/ticket-work";
import { activeSchoolMemberRole } from "@/db/queries/users";
import { isSchoolRole, managesAccounts } from "@/lib/domain/account-permissions";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { afterCommit } from "../after-commit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { applyAccountChange, checkedState, lockedAccount, refusal, stateOf } from "./account-changes";

/**
 * A head removes someone from one of their schools ("Mon établissement"). Removed from their last school,
 * the person is disabled. Their open tickets of that school stay with it; the head may name a colleague
 * who follows them from now on (else the ticket pages say the requester left the school).
 */
export async function removeStaffFromSchool(
  caller: Caller,
  input: { userId: string; establishmentId: string; successorId: string | null },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!managesAccounts(caller)) return fail(refusal("forbidden", caller));
  const result = await database().transaction(async (tx) => {
    const account = await lockedAccount(tx, input.userId);
    if (!account) return fail<string[]>({ kind: "not_found" });
    const before = stateOf(account);
    if (!before.establishmentIds.includes(input.establishmentId)) return fail<string[]>({ kind: "not_found" });
    const after = checkedState(caller, before, {
      ...before,
      establishmentIds: before.establishmentIds.filter((id) => id !== input.establishmentId),
    });
    if (!after.ok) return after;
    if (input.userId === caller.id) return fail<string[]>({ kind: "unprocessable", message: "users.errors.cannotRemoveSelf" });
    if (input.successorId) {
      const successorRole = await activeSchoolMemberRole(tx, input.successorId, input.establishmentId);
      if (!successorRole || !isSchoolRole(successorRole) || input.successorId === input.userId) {
        return fail<string[]>({
          kind: "unprocessable",
          message: "users.errors.chooseSuccessor",
          errors: [{ field: "successorId", message: "users.errors.unknownPerson" }],
        });
      }
      const openIds = (await openTicketIdsOf(tx, input.userId, input.establishmentId)).map((ticketId) => ({
        ticketId,
        userId: input.successorId!,
      }));
      if (openIds.length) await tx.insert(ticketFollowers).values(openIds).onConflictDoNothing();
    }
    return succeed(await applyAccountChange(tx, caller, account, after.value, now, actor));
  });
  if (!result.ok) return result;
  await afterCommit({ outboxIds: result.value });
  return succeed(null);
}
