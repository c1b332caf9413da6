"use client";

import { useTranslations } from "next-intl";
import { DeskForm } from "@/components/desk/desk-form";
import { CiPicker } from "@/components/filing/ci-picker";
import { FieldErrors } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { INTERVENTION_MODES, MAX_INTERVENTION_MINUTES } from "@/lib/domain/interventions";

type Props = { reference: string; action: FormAction; establishmentUai: string; defaultStart: string };

/** "Enregistrer une intervention": mode, start (Paris time), duration, travel, what was done for the school, details for staff, equipment. */
export function InterventionForm({ reference, action, establishmentUai, defaultStart }: Props) {
  const t = useTranslations("interventions");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("form.submit")} success={t("form.done")}>
      {({ state, formId }) => (
        // Keyed by the outcome so a success empties the form and its picked equipment.
        <div key={state.status === "ok" ? "sent" : "editing"} className="space-y-3">
          <SelectField formId={formId} name="mode" label={t("form.mode")} state={state} defaultValue="on_site" required>
            {INTERVENTION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`mode.${mode}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            formId={formId}
            name="startedAt"
            label={t("form.startedAt")}
            state={state}
            type="datetime-local"
            defaultValue={defaultStart}
            required
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              formId={formId}
              name="minutes"
              label={t("form.minutes")}
              state={state}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_INTERVENTION_MINUTES}
              required
            />
            <TextField
              formId={formId}
              name="travelMinutes"
              label={t("form.travelMinutes")}
              state={state}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_INTERVENTION_MINUTES}
              defaultValue="0"
            />
          </div>
          <TextAreaField formId={formId} name="summary" label={t("form.summary")} state={state} rows={3} required maxLength={2_000} />
          <TextAreaField formId={formId} name="details" label={t("form.details")} state={state} rows={3} maxLength={10_000} />
          <CiPicker establishmentUai={establishmentUai} initial={[]} notice={null} />
          <FieldErrors state={state} formId={formId} field="ciIds" />
        </div>
      )}
    </DeskForm>
  );
}
