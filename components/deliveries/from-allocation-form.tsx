"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

const FORM_ID = "delivery-from-allocation";

/** The Région prepares a school's delivery from what the campaign granted it: the lines come from the allocation. */
export function FromAllocationForm({ action, today }: { action: FormAction; today: string }) {
  const t = useTranslations("deliveries.fromAllocation");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} aria-label={t("title")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField formId={FORM_ID} name="campaignYear" label={t("campaignYear")} state={state} inputMode="numeric" required />
        <TextField formId={FORM_ID} name="establishmentUai" label={t("uai")} state={state} autoComplete="off" required />
        <TextField formId={FORM_ID} name="supplier" label={t("supplier")} state={state} required />
        <TextField formId={FORM_ID} name="deliveredOn" label={t("deliveredOn")} state={state} type="date" defaultValue={today} required />
      </div>
      <FormAlert state={state} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("sending")} />
    </form>
  );
}
