import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { categoryByCode } from "@/db/queries/catalogue";
import { categories } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { ApproverKind } from "@/lib/domain/vocabulary";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";

export type CategoryApproval = { code: string; approvalLevels: ApproverKind[]; project: boolean };

/**
 * An admin sets who approves a category's tickets before routing, level by level (empty: none), and whether it is
 * a project. Tickets already filed keep the levels copied at their filing.
 */
export async function setCategoryApproval(
  caller: Caller,
  code: string,
  input: { levels: ApproverKind[]; project?: boolean | undefined },
  actor: AuditActor,
): Promise<ServiceResult<CategoryApproval>> {
  if (!can(caller, "organisation.manage")) return fail({ kind: "forbidden", message: "approvals.errors.adminOnly" });
  const db = database();
  const category = await categoryByCode(db, code);
  if (!category) return fail({ kind: "not_found" });
  const after = { approvalLevels: input.levels, project: input.project ?? category.project };
  await db.transaction(async (tx) => {
    await tx.update(categories).set(after).where(eq(categories.id, category.id));
    await recordAudit(tx, actor, {
      action: "category.approval_changed",
      objectType: "category",
      objectId: category.id,
      before: { approvalLevels: category.approvalLevels, project: category.project },
      after,
    });
  });
  return succeed({ code, ...after });
}
