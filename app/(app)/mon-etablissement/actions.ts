"use server";

import { formAction } from "@/lib/auth/form-action";
import { inviteStaffSchema, removeStaffSchema, setStaffFunctionSchema } from "@/lib/schemas/users";
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
