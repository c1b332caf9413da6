"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** The head's review of a delegation in force: keep it, or end it today. */
export function ReviewForm({
  action,
  uai,
  delegationId,
  person,
}: {
  action: FormAction;
  uai: string;
  delegationId: string;
  person: string;
}) {
  const t = useTranslations("registers.delegations");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label={`${t("review")} ${person}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="delegationId" value={delegationId} />
      <input type="hidden" name="uai" value={uai} />
      <SubmitButton pending={pending} label={t("keep")} pendingLabel={t("keep")} tone="secondary" name="outcome" value="keep" />
      <SubmitButton pending={pending} label={t("end")} pendingLabel={t("end")} tone="danger" name="outcome" value="end" />
      <FormAlert state={state} />
    </form>
  );
}
