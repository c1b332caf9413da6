"use server";

import { formAction } from "@/lib/auth/form-action";
import { accountFormSchema, setAccountDisabledSchema } from "@/lib/schemas/users";
import { createAccount } from "@/lib/services/accounts/create-account";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { fail } from "@/lib/services/service-result";

const NOT_FOUND = "users.gone";

export const toggleAccount = formAction(
  setAccountDisabledSchema,
  (input, caller, _form, now, actor) => updateAccount(caller, input.userId, { disabled: input.disabled }, now, actor),
  {
    revalidate: () => ["/admin/utilisateurs"],
    notFound: NOT_FOUND,
  },
);

export const createAccountFromForm = formAction(
  accountFormSchema,
  async ({ userId: _none, email, ...input }, caller, _form, now, actor) => {
    if (!email)
      return fail({
        kind: "invalid",
        message: "Indiquez l'adresse e-mail.",
        errors: [{ field: "email", message: "Indiquez l'adresse e-mail." }],
      });
    return createAccount(caller, { ...input, email }, now, actor);
  },
  { revalidate: () => ["/admin/utilisateurs"] },
);

export const saveAccountFromForm = formAction(
  accountFormSchema,
  ({ userId, email: _unchanged, ...input }, caller, _form, now, actor) =>
    userId ? updateAccount(caller, userId, input, now, actor) : Promise.resolve(fail({ kind: "not_found" })),
  {
    revalidate: (input) => ["/admin/utilisateurs", `/admin/utilisateurs/${input.userId}`],
    notFound: NOT_FOUND,
  },
);
