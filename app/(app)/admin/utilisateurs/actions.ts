"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { setAccountDisabledSchema } from "@/lib/schemas/users";
import { setAccountDisabled } from "@/lib/services/manage-users";

const MESSAGES = { forbidden: "errors.forbidden", not_found: "errors.notFound", self: "users.cannotDisableSelf" } as const;

export const toggleAccount = authorizedAction(setAccountDisabledSchema, async (input, caller) => {
  const result = await setAccountDisabled(caller, input, new Date());
  if (!result.ok) return { status: "error", message: MESSAGES[result.error] };
  revalidatePath("/admin/utilisateurs");
  return { status: "ok" };
});
