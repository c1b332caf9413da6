"use server";

import { DONE, failedForm, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { linkRatingForm } from "@/lib/schemas/ticket-forms";
import { rateWithLink } from "@/lib/services/requester-actions";

/** Rating through the closing e-mail's link: no sign-in, the signed token is the authority. */
export async function rateThroughLink(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = linkRatingForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidForm(parsed.error);
  const { token, score, comment } = parsed.data;
  const result = await rateWithLink(token, { score, comment }, new Date());
  return result.ok ? DONE : failedForm(result.failure, "Ce lien d'évaluation n'est pas valide.");
}
