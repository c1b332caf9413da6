"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { EscalationLevel } from "@/lib/domain/sla-alarms";
import { LADDER_ROLES, ladderField, MAX_LADDER_LEVELS } from "@/lib/schemas/sla-settings";

type Props = { action: FormAction; teamCode: string; levels: readonly EscalationLevel[] };

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";
const ROWS = Array.from({ length: MAX_LADDER_LEVELS }, (_, index) => index + 1);

/** A team's escalation ladder: up to four levels, each a role called at a share of the time to resolve. */
export function LadderForm({ action, teamCode, levels }: Props) {
  const t = useTranslations("sla.admin");
  const { state, pending, formProps } = useActionForm(action);
  const id = "ladder";
  const sorted = [...levels].sort((x, y) => x.level - y.level);
  return (
    <form {...formProps} noValidate className="space-y-3">
      <input type="hidden" name="teamCode" value={teamCode} />
      <table className="text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4">
              {t("team.levelHeader")}
            </th>
            <th scope="col" className="py-1 pr-4">
              {t("team.role")}
            </th>
            <th scope="col" className="py-1 pr-4">
              {t("team.percent")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const level = sorted[row - 1];
            const role = ladderField(row, "role");
            const percent = ladderField(row, "percent");
            return (
              <tr key={row} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  {t("team.level", { level: row })}
                </th>
                <td className="py-2 pr-4">
                  <select
                    name={role}
                    defaultValue={level?.role ?? ""}
                    aria-label={t("team.roleOf", { level: row })}
                    className={FIELD}
                    {...fieldA11y(state, id, role)}
                  >
                    <option value="">{t("team.noRole")}</option>
                    {LADDER_ROLES.map((value) => (
                      <option key={value} value={value}>
                        {t(`roles.${value}`)}
                      </option>
                    ))}
                  </select>
                  <FieldErrors state={state} formId={id} field={role} />
                </td>
                <td className="py-2 pr-4">
                  <input
                    name={percent}
                    type="number"
                    min={1}
                    max={1000}
                    step={1}
                    defaultValue={level?.afterPercentOfResolve ?? ""}
                    aria-label={t("team.percentOf", { level: row })}
                    className={`${FIELD} w-24`}
                    {...fieldA11y(state, id, percent)}
                  />
                  <FieldErrors state={state} formId={id} field={percent} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldErrors state={state} formId={id} field="ladder" />
      <SubmitButton pending={pending} label={t("team.saveLadder")} pendingLabel={t("team.saving")} />
      <FormAlert state={state} success={t("team.saved")} />
    </form>
  );
}
