"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { IsoWeekday, WeeklyHours } from "@/lib/domain/business-calendar";
import { ISO_WEEKDAYS, MAX_INTERVALS_PER_DAY } from "@/lib/domain/weekly-hours";
import { hoursField } from "@/lib/schemas/sla-settings";

type Props = { action: FormAction; teamCode: string; weekly: WeeklyHours };

const FIELD = "w-20 rounded-md border border-slate-300 px-2 py-1 font-mono aria-[invalid=true]:border-red-600";
const INTERVALS = Array.from({ length: MAX_INTERVALS_PER_DAY }, (_, index) => index + 1);

/** A team's weekly hours: per weekday, one or two intervals "HH:MM"; an empty day is closed. */
export function WeeklyHoursForm({ action, teamCode, weekly }: Props) {
  const t = useTranslations("sla.admin");
  const { state, pending, formProps } = useActionForm(action);
  const id = "hours";
  const input = (day: IsoWeekday, interval: number, edge: "s" | "e", value: string | undefined) => {
    const dayName = t(`weekdays.${day}`);
    return (
      <input
        name={hoursField(day, interval, edge)}
        defaultValue={value ?? ""}
        placeholder="HH:MM"
        maxLength={5}
        inputMode="numeric"
        className={FIELD}
        aria-label={t(edge === "s" ? "team.startOf" : "team.endOf", { day: dayName, interval })}
        {...fieldA11y(state, id, `d${day}`)}
      />
    );
  };
  return (
    <form {...formProps} noValidate className="space-y-3">
      <input type="hidden" name="teamCode" value={teamCode} />
      <div className="relative overflow-x-auto">
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-4">
                {t("team.day")}
              </th>
              {INTERVALS.map((interval) => (
                <th key={interval} scope="col" className="py-1 pr-4">
                  {t(interval === 1 ? "team.interval1" : "team.interval2")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ISO_WEEKDAYS.map((day) => (
              <tr key={day} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {t(`weekdays.${day}`)}
                </th>
                {INTERVALS.map((interval) => {
                  const current = weekly[day][interval - 1];
                  return (
                    <td key={interval} className="py-2 pr-4">
                      <span className="inline-flex items-center gap-1">
                        {input(day, interval, "s", current?.start)}
                        <span aria-hidden="true">–</span>
                        {input(day, interval, "e", current?.end)}
                      </span>
                      {interval === MAX_INTERVALS_PER_DAY && <FieldErrors state={state} formId={id} field={`d${day}`} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldErrors state={state} formId={id} field="week" />
      <SubmitButton pending={pending} label={t("team.saveHours")} pendingLabel={t("team.saving")} />
      <FormAlert state={state} success={t("team.saved")} />
    </form>
  );
}
