"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { action: FormAction; profile: { name: string; phone: string | null; notificationEmail: string | null } };

/** "Mon compte": name, phone and where notifications go. */
export function ProfileForm({ action, profile }: Props) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="max-w-md space-y-4">
      <TextField formId="profile" name="name" label={t("name")} state={state} defaultValue={profile.name} required autoComplete="name" />
      <TextField
        formId="profile"
        name="phone"
        label={t("phone")}
        state={state}
        defaultValue={profile.phone ?? ""}
        type="tel"
        autoComplete="tel"
      />
      <TextField
        formId="profile"
        name="notificationEmail"
        label={t("notificationEmail")}
        state={state}
        defaultValue={profile.notificationEmail ?? ""}
        type="email"
      />
      <FormAlert state={state} success={t("profileSaved")} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
