"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { action: FormAction; teams: Array<{ code: string; name: string }> };

/** Adds a closure for every team or one team: from, to (inclusive) and a label. */
export function ClosureForm({ action, teams }: Props) {
  const t = useTranslations("sla.admin.closures");
  const { state, pending, formProps } = useActionForm(action);
  const id = "closure";
  return (
    <form {...formProps} noValidate className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField formId={id} name="teamCode" label={t("team")} state={state} defaultValue="">
        <option value="">{t("allTeams")}</option>
        {teams.map((team) => (
          <option key={team.code} value={team.code}>
            {team.name} ({team.code})
          </option>
        ))}
      </SelectField>
      <TextField formId={id} name="from" label={t("from")} state={state} type="date" required />
      <TextField formId={id} name="to" label={t("to")} state={state} type="date" required />
      <TextField formId={id} name="label" label={t("label")} state={state} maxLength={100} required />
      <div className="space-y-2 sm:col-span-2 lg:col-span-4">
        <SubmitButton pending={pending} label={t("add")} pendingLabel={t("adding")} />
        <FormAlert state={state} success={t("added")} />
      </div>
    </form>
  );
}
