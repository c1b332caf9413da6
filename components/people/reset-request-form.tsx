"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** "Mot de passe oublié ?": one address, one answer whatever it is. */
export function ResetRequestForm({ action }: { action: FormAction }) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-4">
      <TextField formId="reset" name="email" label={t("email")} state={state} type="email" autoComplete="email" required />
      <FormAlert state={state} success={t("forgotSent")} />
      <SubmitButton pending={pending} label={t("sendLink")} pendingLabel={t("sending")} />
    </form>
  );
}
