"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { FormAction } from "@/components/ui/use-action-form";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { DeskForm } from "./desk-form";
import { StatusSelect } from "./status-select";

type Props = { reference: string; action: FormAction; next: readonly TicketStatus[] };

/** "Changer le statut": only the moves the lifecycle allows from the current status, with a message for the requester. */
export function StatusForm({ reference, action, next }: Props) {
  const t = useTranslations("desk.status");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")}>
      {({ state, formId }) => (
        <>
          <StatusSelect formId={formId} state={state} statuses={next} />
          <TextAreaField formId={formId} name="message" label={t("message")} state={state} rows={3} maxLength={10_000} />
        </>
      )}
    </DeskForm>
  );
}
