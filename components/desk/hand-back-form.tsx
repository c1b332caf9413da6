"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

type Props = { reference: string; action: FormAction };

/** The vendor hands the ticket back to the Région's team with its report; the Région resolves and tells the school. */
export function HandBackForm({ reference, action }: Props) {
  const t = useTranslations("vendorAccess.handBack");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")}>
      {({ state, formId }) => (
        <>
          <p className="text-sm text-slate-600">{t("hint")}</p>
          <TextAreaField formId={formId} name="report" label={t("report")} state={state} rows={5} required maxLength={10_000} />
        </>
      )}
    </DeskForm>
  );
}
