"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** "Renouveler": one click files a new request with the exception's answers (a POST, never a link's side effect). */
export function RenewForm({ action, exceptionId, url }: { action: FormAction; exceptionId: string; url: string }) {
  const t = useTranslations("registers.filtering");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label={`${t("renew")} ${url}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <SubmitButton pending={pending} label={t("renew")} pendingLabel={t("renew")} tone="secondary" />
      <FormAlert state={state} success={t("renewed")} />
    </form>
  );
}
