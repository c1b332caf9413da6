"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";
import { TeamOptions, type TeamGroups } from "./team-options";

const TARGETS = ["vendor", "expert", "academy"] as const;
type Target = (typeof TARGETS)[number];

/** The Académie's IT department takes what is escalated to the Académie unless another of its teams is named. */
const ACADEMY_DEFAULT = "EQ-E-EOLE";

type Props = { reference: string; action: FormAction; teams: Required<TeamGroups> };

/**
 * "Escalader": to a vendor (its queue, with the vendor's own reference), to experts (a Région team,
 * or the zone's sector lead) or to the Académie; always with a reason.
 */
export function EscalateForm({ reference, action, teams }: Props) {
  const t = useTranslations("desk.escalate");
  const [target, setTarget] = useState<Target>("vendor");
  // Only vendors' own queues can take an escalation: the generic "prestation" teams have no vendor behind them.
  const groups: Record<Target, TeamGroups> = {
    vendor: { vendor: teams.vendor.filter((team) => team.vendorName) },
    expert: { region: teams.region },
    academy: { academy: teams.academy },
  };
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")}>
      {({ state, formId }) => (
        <>
          <fieldset>
            <legend className="text-sm font-medium">{t("target")}</legend>
            <div className="mt-1 space-y-1">
              {TARGETS.map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} /> {t(`targets.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {/* Keyed by target: each target starts from its own default team. */}
          <SelectField key={target} formId={formId} name="teamCode" label={t(`team.${target}`)} state={state}
            defaultValue={target === "academy" ? ACADEMY_DEFAULT : ""}>
            <option value="" disabled={target !== "expert"}>{t(target === "expert" ? "sectorLead" : "choose")}</option>
            <TeamOptions groups={groups[target]} />
          </SelectField>
          {target === "vendor" && <TextField formId={formId} name="vendorReference" label={t("vendorReference")} state={state} maxLength={100} />}
          <TextAreaField formId={formId} name="reason" label={t("reason")} state={state} rows={3} required maxLength={5_000} />
        </>
      )}
    </DeskForm>
  );
}
