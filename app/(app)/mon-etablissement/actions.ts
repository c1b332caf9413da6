"use server";

import { formAction } from "@/lib/auth/form-action";
import { approvalDelegateForm } from "@/lib/schemas/approvals";
import { inviteStaffSchema, removeStaffSchema, setStaffFunctionSchema } from "@/lib/schemas/users";
import { setApprovalDelegate } from "@/lib/services/approvals/approval-delegates";
import { createAccount } from "@/lib/services/accounts/create-account";
import { removeStaffFromSchool } from "@/lib/services/accounts/remove-staff";
import { updateAccount } from "@/lib/services/accounts/update-account";

const PAGE = "/mon-etablissement";
const NOT_FOUND = "schools.gone.person";

export const inviteStaff = formAction(
  inviteStaffSchema,
  ({ establishment, ...input }, caller, _form, now, actor) =>
    createAccount(caller, { ...input, establishments: [establishment] }, now, actor),
  {
    revalidate: () => [PAGE],
    notFound: "schools.gone.school",
  },
);

export const setStaffFunction = formAction(
  setStaffFunctionSchema,
  (input, caller, _form, now, actor) => updateAccount(caller, input.userId, { function: input.function }, now, actor),
  {
    revalidate: () => [PAGE],
    notFound: NOT_FOUND,
  },
);

export const removeStaff = formAction(
  removeStaffSchema,
  (input, caller, _form, now, actor) => removeStaffFromSchool(caller, input, now, actor),
  {
    revalidate: () => [PAGE],
    notFound: NOT_FOUND,
  },
);

/** The head names, or removes, a person who approves requests in their stead. */
export const nameApprovalDelegate = formAction(
  approvalDelegateForm,
  (input, caller, _form, _now, actor) => setApprovalDelegate(caller, input, true, actor),
  { revalidate: () => [PAGE], notFound: "schools.gone.school" },
);

export const removeApprovalDelegate = formAction(
  approvalDelegateForm,
  (input, caller, _form, _now, actor) => setApprovalDelegate(caller, input, false, actor),
  { revalidate: () => [PAGE], notFound: "schools.gone.school" },
);
