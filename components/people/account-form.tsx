"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { ROLES } from "@/lib/domain/vocabulary";

export type AccountFormValues = {
  id: string;
  name: string;
  phone: string | null;
  role: string;
  function: string | null;
  establishments: string[];
  teams: string[];
};

type Props = { action: FormAction; functions: { code: string; label: string }[]; account?: AccountFormValues };

/** The admin's account form: a new account (with its e-mail) or an existing one. */
export function AccountForm({ action, functions, account }: Props) {
  const t = useTranslations();
  const { state, pending, formProps } = useActionForm(action);
  const formId = account ? `account-${account.id}` : "new-account";
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      {account ? (
        <input type="hidden" name="userId" value={account.id} />
      ) : (
        <TextField formId={formId} name="email" label={t("people.email")} state={state} type="email" required />
      )}
      <TextField formId={formId} name="name" label={t("people.name")} state={state} defaultValue={account?.name} required />
      <TextField formId={formId} name="phone" label={t("people.phone")} state={state} defaultValue={account?.phone ?? ""} type="tel" />
      <SelectField formId={formId} name="role" label={t("people.role")} state={state} defaultValue={account?.role ?? "requester"}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField formId={formId} name="function" label={t("people.function")} state={state} defaultValue={account?.function ?? ""}>
        <option value="">{t("people.noFunction")}</option>
        {functions.map((item) => (
          <option key={item.code} value={item.code}>
            {item.label}
          </option>
        ))}
      </SelectField>
      <TextField
        formId={formId}
        name="establishments"
        label={t("people.schools")}
        state={state}
        defaultValue={account?.establishments.join(", ")}
      />
      <TextField formId={formId} name="teams" label={t("people.teams")} state={state} defaultValue={account?.teams.join(", ")} />
      <div className="sm:col-span-2 space-y-2">
        <FormAlert state={state} success={t(account ? "people.saved" : "people.created")} />
        <SubmitButton
          pending={pending}
          label={t(account ? "people.save" : "people.create")}
          pendingLabel={t(account ? "people.saving" : "people.creating")}
        />
      </div>
    </form>
  );
}
