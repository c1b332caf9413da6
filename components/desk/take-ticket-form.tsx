"use client";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

/** "Prendre en charge": the ticket becomes the caller's, in progress. */
export function TakeTicketForm({ reference, action }: { reference: string; action: FormAction }) {
  const t = useTranslations("desk.take");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")}>
      {() => <p className="text-sm text-slate-600">{t("help")}</p>}
    </DeskForm>
  );
}
