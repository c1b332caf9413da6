"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** "Nouvel appel", someone the school's contacts do not list: their name, phone and e-mail. */
export function NewContactForm({ action, establishmentUai }: { action: FormAction; establishmentUai: string }) {
  const t = useTranslations("desk.calls");
  const { state, pending, formProps } = useActionForm(action);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  return (
    <form {...formProps} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="establishmentUai" value={establishmentUai} />
      <TextField formId="new-contact" name="name" label={t("contactName")} state={state} required defaultValue={text("name")} />
      <TextField
        formId="new-contact"
        name="phone"
        label={t("contactPhone")}
        state={state}
        required
        type="tel"
        autoComplete="off"
        defaultValue={text("phone")}
      />
      <TextField
        formId="new-contact"
        name="email"
        label={t("contactEmail")}
        state={state}
        required
        type="email"
        autoComplete="off"
        defaultValue={text("email")}
      />
      <p className="text-xs text-slate-500">{t("newContactHelp")}</p>
      <SubmitButton pending={pending} label={t("addContact")} pendingLabel={t("adding")} />
    </form>
  );
}
