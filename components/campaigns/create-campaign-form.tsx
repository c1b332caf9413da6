"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

const PHASES = ["survey", "analysis", "allocation", "delivery"] as const;

/** Opening a campaign: the year, the four phases, the pupils-per-workstation ratio, criteria, catalogue and envelopes. */
export function CreateCampaignForm({ action, zones }: { action: FormAction; zones: Array<{ code: string; name: string }> }) {
  const t = useTranslations("campaigns");
  const { state, pending, formProps } = useActionForm(action);
  const id = "campaign";
  return (
    <form {...formProps} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <TextField formId={id} name="year" label={t("create.year")} state={state} type="number" inputMode="numeric" required />
      {PHASES.map((phase) => (
        <fieldset key={phase} className="grid gap-2 sm:grid-cols-2">
          <legend className="text-sm font-medium">{t(`phases.${phase}`)}</legend>
          <TextField formId={id} name={`${phase}From`} label={t("create.from")} state={state} type="date" required />
          <TextField formId={id} name={`${phase}To`} label={t("create.to")} state={state} type="date" required />
        </fieldset>
      ))}
      <TextField formId={id} name="ratio" label={t("create.ratio")} state={state} type="number" min={1} max={100} defaultValue={4} />
      <TextAreaField formId={id} name="criteria" label={t("create.criteria")} state={state} rows={3} />
      <TextAreaField formId={id} name="catalogue" label={t("create.catalogue")} state={state} rows={5} required />
      <p className="text-sm text-slate-600">{t("create.catalogueHint")}</p>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="text-sm font-medium">{t("create.envelopes")}</legend>
        {zones.map((zone) => (
          <TextField
            key={zone.code}
            formId={id}
            name={`envelope:${zone.code}`}
            label={t("create.envelopeFor", { zone: zone.name })}
            state={state}
            type="number"
            min={0}
            inputMode="numeric"
          />
        ))}
      </fieldset>
      <SubmitButton pending={pending} label={t("create.submit")} pendingLabel={t("create.submit")} />
      <FormAlert state={state} success={t("create.done")} />
    </form>
  );
}
