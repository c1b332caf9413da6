import { problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { categoryApprovalSchema, categoryCode } from "@/lib/schemas/approvals";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { setCategoryApproval } from "@/lib/services/approvals/category-approval";

export const dynamic = "force-dynamic";

/** PUT /api/v1/categories/{code}/approval {levels, project?} → 200 {code, approvalLevels, project}: admins only. */
export const PUT = recordRoute("code", categoryCode)(categoryApprovalSchema, async ({ request, code, input, caller }) => {
  const result = await setCategoryApproval(caller, code, input, auditActor(request.headers, caller));
  return result.ok ? Response.json(result.value) : problemFromFailure(result.failure);
});
