"use client";

import { useTranslations } from "next-intl";
import { CiPicker } from "@/components/filing/ci-picker";
import { FieldErrors } from "@/components/ui/form-feedback";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

type Props = { reference: string; action: FormAction; establishmentUai: string };

/** "Lier un équipement": picked from the school's own inventory, added to what the ticket already names. */
export function LinkEquipmentForm({ reference, action, establishmentUai }: Props) {
  const t = useTranslations("desk.equipment");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="secondary">
      {({ state, formId }) => (
        <>
          {/* Keyed by the outcome so a success empties the picked list along with the form. */}
          <CiPicker key={state.status === "ok" ? "sent" : "editing"} establishmentUai={establishmentUai} initial={[]} notice={null} />
          <FieldErrors state={state} formId={formId} field="ciIds" />
        </>
      )}
    </DeskForm>
  );
}
