"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { action: FormAction; hidden?: Record<string, string>; askCurrent?: boolean; submitLabel: string; success: string };

/** A new password typed twice (and the current one, on "Mon compte"); the policy's refusal shows under the field. */
export function PasswordForm({ action, hidden = {}, askCurrent = false, submitLabel, success }: Props) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  const formId = askCurrent ? "change-password" : "choose-password";
  return (
    <form {...formProps} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {askCurrent && (
        <TextField
          formId={formId}
          name="current"
          label={t("currentPassword")}
          state={state}
          type="password"
          autoComplete="current-password"
          required
        />
      )}
      <TextField
        formId={formId}
        name="password"
        label={t("newPassword")}
        state={state}
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <TextField
        formId={formId}
        name="confirmation"
        label={t("confirmation")}
        state={state}
        type="password"
        autoComplete="new-password"
        required
      />
      <FormAlert state={state} success={success} />
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={t("saving")} />
    </form>
  );
}
