"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { failedForm, invalidForm, DONE, type FormState } from "@/lib/schemas/form-state";
import { choosePasswordSchema } from "@/lib/schemas/users";
import { setPasswordWithLink } from "@/lib/services/accounts/password-links";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { requestTranslator } from "@/lib/auth/request-translator";

const schema = z.object({ token: z.string().min(1).max(200) }).and(choosePasswordSchema);

/** Choosing a password through an invitation or reset link: no session, the one-time token is the authority. */
export async function choosePasswordThroughLink(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidForm(parsed.error, await requestTranslator());
  const requestHeaders = await headers();
  const result = await setPasswordWithLink(parsed.data, new Date(), (user) => auditActor(requestHeaders, user));
  return result.ok ? DONE : failedForm(result.failure, await requestTranslator(), "signIn.reset.linkInvalid");
}
