"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

type Props = { reference: string; action: FormAction; current: string | null };

/** The vendor's own reference for the ticket, which it keeps up to date while the ticket waits for it. */
export function VendorReferenceForm({ reference, action, current }: Props) {
  const t = useTranslations("vendorAccess.reference");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="secondary">
      {({ state, formId }) => (
        <TextField formId={formId} name="vendorReference" label={t("label")} state={state} maxLength={100} defaultValue={current ?? ""} />
      )}
    </DeskForm>
  );
}
