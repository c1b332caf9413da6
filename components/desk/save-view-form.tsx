"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

/** "Enregistrer cette vue": the workspace's current queue, filters and sort, under a name. */
export function SaveViewForm({ action, query }: { action: FormAction; query: string }) {
  const t = useTranslations("desk.views");
  return (
    <DeskForm action={action} hidden={{ query }} submitLabel={t("save")} success={t("saved")} tone="secondary">
      {({ state, formId }) => <TextField formId={formId} name="name" label={t("name")} state={state} maxLength={60} required />}
    </DeskForm>
  );
}
