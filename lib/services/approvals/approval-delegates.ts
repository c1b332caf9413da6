import { and, eq } from "drizzle-orm";
import { database } from "@/db/client";
import { approvalDelegatesOf, approverFacts } from "@/db/queries/approvals";
import { establishmentByUai } from "@/db/queries/establishments";
import { approvalDelegates } from "@/db/schema";
import { HEAD_FUNCTION } from "@/lib/domain/approvals";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";

/** Whether the caller heads this school (chef d'établissement of it): only they name delegates. */
async function headsSchool(caller: Caller, establishmentId: string): Promise<boolean> {
  const person = await approverFacts(database(), caller.id);
  return person !== null && person.functionCode === HEAD_FUNCTION && person.establishmentIds.includes(establishmentId);
}

/** The school's approval delegates, and whether the caller (its head) may change them; null for a school the caller is not staff of. */
export async function readApprovalDelegates(caller: Caller, establishmentId: string) {
  if (!caller.establishmentIds.includes(establishmentId)) return null;
  const [delegates, editable] = await Promise.all([approvalDelegatesOf(database(), establishmentId), headsSchool(caller, establishmentId)]);
  return { delegates, editable };
}

/**
 * The head names a delegate among the school's active staff, or removes one (seed 001: "le chef d'établissement ou
 * son délégataire" signs filtering exceptions and delegations). One transaction with its audit row.
 */
export async function setApprovalDelegate(
  caller: Caller,
  input: { uai: string; userId: string },
  named: boolean,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  const db = database();
  const school = await establishmentByUai(db, input.uai);
  if (!school || !caller.establishmentIds.includes(school.id)) return fail({ kind: "not_found" });
  if (!(await headsSchool(caller, school.id))) return fail({ kind: "forbidden", message: "approvals.errors.headOnly" });
  const delegate = await approverFacts(db, input.userId);
  if (named && (!delegate || !delegate.establishmentIds.includes(school.id) || delegate.id === caller.id))
    return fail({
      kind: "unprocessable",
      message: "approvals.errors.chooseDelegate",
      errors: [{ field: "userId", message: "approvals.errors.chooseDelegate" }],
    });
  await db.transaction(async (tx) => {
    const changed = named
      ? await tx
          .insert(approvalDelegates)
          .values({ establishmentId: school.id, userId: input.userId, namedById: caller.id })
          .onConflictDoNothing()
          .returning({ userId: approvalDelegates.userId })
      : await tx
          .delete(approvalDelegates)
          .where(and(eq(approvalDelegates.establishmentId, school.id), eq(approvalDelegates.userId, input.userId)))
          .returning({ userId: approvalDelegates.userId });
    if (changed.length === 0) return;
    await recordAudit(tx, actor, {
      action: named ? "establishment.approval_delegate_added" : "establishment.approval_delegate_removed",
      objectType: "establishment",
      objectId: school.id,
      after: { delegate: input.userId },
    });
  });
  return succeed(null);
}
