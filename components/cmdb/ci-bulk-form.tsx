"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FieldErrors, FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { CI_STATUSES } from "@/lib/domain/vocabulary";

/**
 * The list inside one form, with a bar setting one status on the checked items (a room's PCs to
 * "obsolète"): one transaction, each item's history kept; one item out of reach changes none.
 */
export function CiBulkForm({ action, children }: { action: FormAction; children: React.ReactNode }) {
  const t = useTranslations("cmdb");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate aria-label={t("bulk.label")}>
      <div className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <p className="w-full text-sm font-medium">{t("bulk.label")}</p>
        <div className="min-w-48">
          <SelectField formId={formId} name="status" label={t("bulk.status")} state={state} defaultValue="">
            <option value="" disabled>
              —
            </option>
            {CI_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <SubmitButton pending={pending} label={t("bulk.submit")} pendingLabel={t("pending")} />
        <div className="w-full">
          <FieldErrors state={state} formId={formId} field="ids" />
          <FormAlert state={state} success={t("bulk.done")} />
        </div>
      </div>
      {children}
    </form>
  );
}
