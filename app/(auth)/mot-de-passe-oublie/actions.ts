"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { DONE, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { resetRequestSchema } from "@/lib/schemas/users";
import { requestPasswordReset } from "@/lib/services/accounts/request-password-reset";
import { requestTranslator } from "@/lib/auth/request-translator";

/** "Mot de passe oublié ?": the same answer whether the address has an account or not. */
export async function askForPasswordReset(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = resetRequestSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidForm(parsed.error, await requestTranslator());
  const outcome = await requestPasswordReset({ email: parsed.data.email, ip: clientIp(await headers()) }, new Date());
  if (outcome === "throttled") {
    return { status: "error", kind: "forbidden", message: (await requestTranslator())("signIn.forgot.throttled"), fields: {} };
  }
  return DONE;
}
