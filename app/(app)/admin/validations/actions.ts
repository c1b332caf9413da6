"use server";

import { formAction } from "@/lib/auth/form-action";
import { categoryApprovalForm } from "@/lib/schemas/approvals";
import { setCategoryApproval } from "@/lib/services/approvals/category-approval";

export const saveCategoryApprovalAction = formAction(
  categoryApprovalForm,
  ({ code, ...levels }, caller, _form, _now, actor) => setCategoryApproval(caller, code, levels, actor),
  { revalidate: () => ["/admin/validations", "/catalogue"] },
);
