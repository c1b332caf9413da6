"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Person = { id: string; name: string };

/** The sector lead names the school's referent technician and backup among the zone's technicians. */
export function ReferentsForm({
  action,
  uai,
  referent,
  backup,
  choices,
}: {
  action: FormAction;
  uai: string;
  referent: Person | null;
  backup: Person | null;
  choices: Person[];
}) {
  const t = useTranslations("planning.referents");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  if (!choices.length) return <p className="text-sm text-slate-600">{t("noTechnician")}</p>;
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="uai" value={uai} />
      <SelectField formId={formId} name="referent" label={t("referent")} state={state} defaultValue={referent?.id ?? ""} required>
        <option value="">{t("choose")}</option>
        {choices.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SelectField formId={formId} name="backup" label={t("backup")} state={state} defaultValue={backup?.id ?? ""}>
        <option value="">{t("noBackup")}</option>
        {choices.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
      <div className="sm:col-span-3">
        <FormAlert state={state} success={t("saved")} />
      </div>
    </form>
  );
}
