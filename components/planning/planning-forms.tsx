"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/schemas/form-state";

type Person = { id: string; name: string };

/** Whose planning the form changes: oneself (hidden), or one of the zone's technicians for a lead. */
function Whose({ formId, state, technicians }: { formId: string; state: FormState; technicians: Person[] }) {
  const t = useTranslations("planning.absences");
  if (technicians.length === 1) return <input type="hidden" name="technicianId" value={technicians[0]!.id} />;
  return (
    <SelectField formId={formId} name="technicianId" label={t("who")} state={state} defaultValue={technicians[0]?.id}>
      {technicians.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </SelectField>
  );
}

function HalfDaySelect({ formId, state }: { formId: string; state: FormState }) {
  const t = useTranslations("planning");
  return (
    <SelectField formId={formId} name="halfDay" label={t("schedule.halfDay")} state={state} defaultValue="am">
      <option value="am">{t("halfDays.am")}</option>
      <option value="pm">{t("halfDays.pm")}</option>
    </SelectField>
  );
}

/** An absence: first and last day, both included. */
export function AbsenceForm({ action, technicians }: { action: FormAction; technicians: Person[] }) {
  const t = useTranslations("planning.absences");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="grid gap-2 sm:grid-cols-2">
      <Whose formId={formId} state={state} technicians={technicians} />
      <TextField formId={formId} name="startsOn" label={t("startsOn")} state={state} type="date" required />
      <TextField formId={formId} name="endsOn" label={t("endsOn")} state={state} type="date" required />
      <TextField formId={formId} name="note" label={t("note")} state={state} maxLength={200} />
      <div className="sm:col-span-2 space-y-2">
        <FormAlert state={state} success={t("added")} />
        <SubmitButton pending={pending} label={t("add")} pendingLabel={t("adding")} />
      </div>
    </form>
  );
}

export function DeleteAbsenceForm({ action, id }: { action: FormAction; id: string }) {
  const t = useTranslations("planning.absences");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} label={t("delete")} pendingLabel={t("adding")} tone="secondary" />
      <FormAlert state={state} />
    </form>
  );
}

/** One half-day of the default week: a school's UAI, or empty for free. */
export function ScheduleSlotForm({ action, technicians }: { action: FormAction; technicians: Person[] }) {
  const t = useTranslations("planning");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="grid gap-2 sm:grid-cols-2">
      <p className="text-sm text-slate-600 sm:col-span-2">{t("schedule.help")}</p>
      <Whose formId={formId} state={state} technicians={technicians} />
      <SelectField formId={formId} name="weekday" label={t("schedule.weekday")} state={state} defaultValue="1">
        {[1, 2, 3, 4, 5].map((day) => (
          <option key={day} value={day}>
            {t(`weekdays.${day}`)}
          </option>
        ))}
      </SelectField>
      <HalfDaySelect formId={formId} state={state} />
      <TextField formId={formId} name="uai" label={t("schedule.uai")} state={state} placeholder="0370037P" />
      <div className="sm:col-span-2 space-y-2">
        <FormAlert state={state} success={t("schedule.saved")} />
        <SubmitButton pending={pending} label={t("schedule.save")} pendingLabel={t("desk.saving")} />
      </div>
    </form>
  );
}

/** One half-day on one date: another school, or none. */
export function VisitExceptionForm({ action, technicians }: { action: FormAction; technicians: Person[] }) {
  const t = useTranslations("planning");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="grid gap-2 sm:grid-cols-2">
      <p className="text-sm text-slate-600 sm:col-span-2">{t("schedule.exceptionHelp")}</p>
      <Whose formId={formId} state={state} technicians={technicians} />
      <TextField formId={formId} name="onDate" label={t("schedule.onDate")} state={state} type="date" required />
      <HalfDaySelect formId={formId} state={state} />
      <TextField formId={formId} name="uai" label={t("schedule.uai")} state={state} placeholder="0370037P" />
      <div className="sm:col-span-2 space-y-2">
        <FormAlert state={state} success={t("schedule.exceptionSaved")} />
        <SubmitButton pending={pending} label={t("schedule.saveException")} pendingLabel={t("desk.saving")} />
      </div>
    </form>
  );
}
