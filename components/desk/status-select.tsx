"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import type { FormState } from "@/lib/schemas/form-state";

/** The statuses to choose from (posted as `status`), worded for the desk. */
export function StatusSelect({ formId, state, statuses }: { formId: string; state: FormState; statuses: readonly TicketStatus[] }) {
  const t = useTranslations();
  return (
    <SelectField formId={formId} name="status" label={t("desk.status.label")} state={state} defaultValue="" required>
      <option value="" disabled>
        {t("desk.status.choose")}
      </option>
      {statuses.map((status) => (
        <option key={status} value={status}>
          {t(`tickets.staffStatus.${status}`)}
        </option>
      ))}
    </SelectField>
  );
}
