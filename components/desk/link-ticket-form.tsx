"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

/** "Lier un ticket": two tickets about related problems point at each other. */
export function LinkTicketForm({ reference, action }: { reference: string; action: FormAction }) {
  const t = useTranslations("desk.link");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="secondary">
      {({ state, formId }) => (
        <TextField formId={formId} name="related" label={t("related")} state={state} placeholder="GU-2026-000123" required />
      )}
    </DeskForm>
  );
}
