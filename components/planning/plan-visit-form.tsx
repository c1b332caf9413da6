"use client";

import { useLocale, useTranslations } from "next-intl";
import { DeskForm } from "@/components/desk/desk-form";
import { FieldErrors } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { visitDay } from "@/lib/presentation/visit-day";

type Slot = { onDate: string; halfDay: "am" | "pm"; technician: { id: string; name: string } };

/** Plans the ticket's on-site visit: one of the school's next visits, or another date and half-day. */
export function PlanVisitForm({
  reference,
  action,
  planned,
  proposals,
}: {
  reference: string;
  action: FormAction;
  planned: Slot | null;
  proposals: Slot[];
}) {
  const t = useTranslations("planning");
  const locale = useLocale() === "en" ? "en" : "fr";
  const when = (slot: Slot) => ({
    date: visitDay(slot.onDate, locale),
    halfDay: t(`halfDays.${slot.halfDay}`),
    technician: slot.technician.name,
  });
  return (
    <div className="space-y-3">
      {planned && <p className="text-sm font-medium">{t("visit.plannedWith", when(planned))}</p>}
      <DeskForm
        action={action}
        hidden={{ reference }}
        submitLabel={planned ? t("desk.reschedule") : t("desk.plan")}
        success={t("desk.saved")}
      >
        {({ state, formId }) => (
          <>
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium">{t("desk.proposals")}</legend>
              {proposals.length === 0 && <p className="text-slate-600">{t("desk.noProposal")}</p>}
              {proposals.map((slot, index) => (
                <label key={`${slot.onDate}-${slot.halfDay}-${slot.technician.id}`} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="slot"
                    value={`${slot.onDate}|${slot.halfDay}|${slot.technician.id}`}
                    defaultChecked={index === 0}
                  />
                  {t("desk.proposal", when(slot))}
                </label>
              ))}
              <label className="flex items-center gap-2">
                <input type="radio" name="slot" value="other" defaultChecked={proposals.length === 0} /> {t("desk.other")}
              </label>
              <FieldErrors state={state} formId={formId} field="slot" />
            </fieldset>
            <div className="grid gap-2 sm:grid-cols-2">
              <TextField formId={formId} name="onDate" label={t("desk.onDate")} state={state} type="date" />
              <SelectField formId={formId} name="halfDay" label={t("desk.halfDay")} state={state} defaultValue="am">
                <option value="am">{t("halfDays.am")}</option>
                <option value="pm">{t("halfDays.pm")}</option>
              </SelectField>
            </div>
          </>
        )}
      </DeskForm>
    </div>
  );
}
