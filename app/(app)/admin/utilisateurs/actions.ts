"use server";

import { formAction } from "@/lib/auth/form-action";
import { setAccountDisabledSchema } from "@/lib/schemas/users";
import { setAccountDisabled } from "@/lib/services/manage-users";

export const toggleAccount = formAction(setAccountDisabledSchema, (input, caller, _form, now) => setAccountDisabled(caller, input, now), {
  revalidate: () => ["/admin/utilisateurs"],
  notFound: "Ce compte n'existe plus.",
});
