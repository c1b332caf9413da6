"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { RuleMatch } from "@/lib/domain/routing";
import { CI_CLASSES, PRIORITIES, SUPPORT_MODES, TICKET_TYPES, type Priority } from "@/lib/domain/vocabulary";
import { SCHOOL_TASK_CHOICES, type SchoolTaskChoice } from "@/lib/schemas/routing-rule-form";
import { CheckboxGroup, FieldErrorList, SelectField, TextField, sentTick, type FieldContext } from "./rule-form-fields";

export type RuleFormDefaults = {
  name: string;
  enabled: boolean;
  match: RuleMatch;
  teamCode: string;
  watcherTeamCodes: string[];
  priorityFloor: Priority | null;
  assignToReferent: boolean;
};

type Props = {
  action: FormAction;
  rule: RuleFormDefaults;
  /** The rule being edited and the version the admin started from; null for a new rule. */
  target: { id: string; version: number } | null;
  zoneCodes: string[];
};

const schoolTaskChoice = (value: boolean | undefined): SchoolTaskChoice => (value === undefined ? "any" : value ? "yes" : "no");
const codes = (values: readonly string[] | undefined) => (values ?? []).join(", ");

/** The rule editor: criteria as comma-separated codes or ticks, then the team, watchers and priority floor it sets. */
export function RuleForm({ action, rule, target, zoneCodes }: Props) {
  const t = useTranslations();
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  const context: FieldContext = { formId, state };
  const { match } = rule;

  return (
    <form {...formProps} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4">
      {target && <input type="hidden" name="id" value={target.id} />}
      {target && <input type="hidden" name="version" value={target.version} />}
      <FormAlert state={state} />
      <TextField context={context} field="name" label={t("routing.form.name")} value={rule.name} required maxLength={120} />
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="enabled" defaultChecked={sentTick(state, "enabled", "on", rule.enabled)} />{" "}
          {t("routing.form.enabled")}
        </label>
        <FieldErrorList context={context} field="enabled" />
      </div>

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("routing.form.criteria")}</legend>
        <p className="text-sm text-slate-600">{t("routing.form.criteriaHelp")}</p>
        <FieldErrorList context={context} field="match" exact />
        <CheckboxGroup
          context={context}
          field="match.types"
          legend={t("routing.form.types")}
          checked={match.types ?? []}
          options={TICKET_TYPES.map((type) => ({ value: type, label: t(`tickets.type.${type}`) }))}
        />
        <TextField
          context={context}
          field="match.services"
          label={t("routing.form.services")}
          hint={t("routing.form.servicesHint", { example: "POSTE, IMPRESSION" })}
          value={codes(match.services)}
        />
        <TextField
          context={context}
          field="match.categories"
          label={t("routing.form.categories")}
          hint={t("routing.form.categoriesHint", { example: "SEC-INCIDENT, CPT-ENT" })}
          value={codes(match.categories)}
        />
        <SelectField
          context={context}
          field="match.schoolTask"
          label={t("routing.form.schoolTask")}
          hint={t("routing.form.schoolTaskHelp")}
          value={schoolTaskChoice(match.schoolTask)}
          options={(Object.keys(SCHOOL_TASK_CHOICES) as SchoolTaskChoice[]).map((choice) => ({
            value: choice,
            label: t(`routing.form.schoolTaskChoices.${choice}`),
          }))}
        />
        <TextField
          context={context}
          field="match.establishments"
          label={t("routing.form.establishments")}
          hint={t("routing.form.establishmentsHint", { example: "0370037P, 0450029M" })}
          value={codes(match.establishments)}
        />
        <TextField
          context={context}
          field="match.zones"
          label={t("routing.form.zones")}
          hint={t("routing.form.zonesHint", { zones: zoneCodes.join(", ") })}
          value={codes(match.zones)}
        />
        <TextField
          context={context}
          field="match.departements"
          label={t("routing.form.departements")}
          hint={t("routing.form.departementsHint", { example: "37, 41" })}
          value={codes(match.departements)}
        />
        <TextField
          context={context}
          field="match.establishmentTypes"
          label={t("routing.form.establishmentTypes")}
          hint={t("routing.form.establishmentTypesHint", { example: "LGT, LP, LPO" })}
          value={codes(match.establishmentTypes)}
        />
        <CheckboxGroup
          context={context}
          field="match.supportModes"
          legend={t("routing.form.supportModes")}
          checked={match.supportModes ?? []}
          options={SUPPORT_MODES.map((mode) => ({ value: mode, label: t(`establishments.modes.${mode}`) }))}
        />
        <TextField
          context={context}
          field="match.ciClasses"
          label={t("routing.form.ciClasses")}
          hint={t("routing.form.ciClassesHint", { classes: CI_CLASSES.join(", ") })}
          value={codes(match.ciClasses)}
        />
        <CheckboxGroup
          context={context}
          field="match.priorities"
          legend={t("routing.form.priorities")}
          checked={match.priorities ?? []}
          options={PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priority.${priority}`) }))}
        />
      </fieldset>

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-semibold">{t("routing.form.outcome")}</legend>
        <TextField
          context={context}
          field="teamCode"
          label={t("routing.form.teamCode")}
          required
          value={rule.teamCode}
          hint={t("routing.form.teamCodeHint", { placeholders: "{zone}, {departement}, {uai}", example: "PROX-{zone}" })}
        />
        <TextField
          context={context}
          field="watcherTeamCodes"
          label={t("routing.form.watcherTeamCodes")}
          hint={t("routing.form.watcherTeamCodesHint")}
          value={codes(rule.watcherTeamCodes)}
        />
        <SelectField
          context={context}
          field="priorityFloor"
          label={t("routing.form.priorityFloor")}
          hint={t("routing.form.priorityFloorHelp")}
          value={rule.priorityFloor ?? ""}
          options={[
            { value: "", label: t("routing.form.noFloor") },
            ...PRIORITIES.map((priority) => ({ value: priority, label: t(`tickets.priority.${priority}`) })),
          ]}
        />
        <div>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              name="assignToReferent"
              defaultChecked={sentTick(state, "assignToReferent", "on", rule.assignToReferent)}
            />
            {t("routing.form.assignToReferent")}
          </label>
          <p className="text-sm text-slate-600">{t("routing.form.assignToReferentHelp")}</p>
          <FieldErrorList context={context} field="assignToReferent" />
        </div>
      </fieldset>

      <div className="flex items-center gap-4">
        <SubmitButton
          pending={pending}
          label={target ? t("routing.form.save") : t("routing.form.create")}
          pendingLabel={t("routing.form.saving")}
        />
        <Link href="/admin/routage" className="text-sm text-brand-700 underline">
          {t("routing.form.back")}
        </Link>
      </div>
    </form>
  );
}
