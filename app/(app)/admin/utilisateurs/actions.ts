"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { setAccountDisabledSchema } from "@/lib/schemas/users";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { setAccountDisabled } from "@/lib/services/manage-users";

export const toggleAccount = formAction(setAccountDisabledSchema, async (input, caller, _form, now) =>
  setAccountDisabled(caller, input, now, auditActor(await headers(), caller)), {
  revalidate: () => ["/admin/utilisateurs"],
  notFound: "Ce compte n'existe plus.",
});
