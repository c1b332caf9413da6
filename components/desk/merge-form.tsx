"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

/** "Fusionner dans…": this ticket is a duplicate; it closes, and its requester follows the master ticket. */
export function MergeForm({ reference, action }: { reference: string; action: FormAction }) {
  const t = useTranslations("desk.merge");
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">{t("open")}</summary>
      <div className="mt-2">
        <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="danger">
          {({ state, formId }) => (
            <>
              <p className="text-sm text-slate-600">{t("warning")}</p>
              <TextField formId={formId} name="master" label={t("master")} state={state} placeholder="GU-2026-000123" required />
              <TextAreaField formId={formId} name="reason" label={t("reason")} state={state} rows={2} required maxLength={5_000} />
            </>
          )}
        </DeskForm>
      </div>
    </details>
  );
}
