"use server";

import { formAction } from "@/lib/auth/form-action";
import { setAccountDisabledSchema } from "@/lib/schemas/users";
import { setAccountDisabled } from "@/lib/services/manage-users";

export const toggleAccount = formAction(setAccountDisabledSchema, (input, caller, _form, now, actor) => setAccountDisabled(caller, input, now, actor), {
  revalidate: () => ["/admin/utilisateurs"],
  notFound: "Ce compte n'existe plus.",
});
