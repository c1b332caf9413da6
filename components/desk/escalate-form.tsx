"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldErrors } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { DeskForm } from "./desk-form";
import { TeamOptions, type TeamGroups } from "./team-options";

const TARGETS = ["vendor", "expert", "academy"] as const;
type Target = (typeof TARGETS)[number];

/** The Académie's IT department takes what is escalated to the Académie unless another of its teams is named. */
const ACADEMY_DEFAULT = "EQ-E-EOLE";

/** The ticket's internal notes and files the technician may share with a vendor. */
export type Shareable = { notes: Array<{ id: number; label: string }>; files: Array<{ id: string; fileName: string }> };

/** `status` and, when the lifecycle goes through other steps to reach "waiting for the vendor", those steps (said before sending). */
type Props = {
  reference: string;
  action: FormAction;
  teams: Required<TeamGroups>;
  shareable: Shareable;
  status: TicketStatus;
  vendorVia: TicketStatus[];
};

/**
 * "Escalader": to a vendor (its queue, with the vendor's own reference), to experts (a Région team,
 * or the zone's sector lead) or to the Académie; always with a reason. A vendor reads only the public
 * journal, the reason and the internal notes and files ticked here.
 */
export function EscalateForm({ reference, action, teams, shareable, status, vendorVia }: Props) {
  const t = useTranslations("desk.escalate");
  const tForms = useTranslations("forms.escalate");
  const statusName = useTranslations("tickets.staffStatus");
  const share = useTranslations("vendorAccess.share");
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
                  <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} />{" "}
                  {t(`targets.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {/* Keyed by target: each target starts from its own default team. */}
          <SelectField
            key={target}
            formId={formId}
            name="teamCode"
            label={t(`team.${target}`)}
            state={state}
            defaultValue={target === "academy" ? ACADEMY_DEFAULT : ""}
          >
            <option value="" disabled={target !== "expert"}>
              {t(target === "expert" ? "sectorLead" : "choose")}
            </option>
            <TeamOptions groups={groups[target]} />
          </SelectField>
          {target === "vendor" && vendorVia.length > 0 && (
            <p role="note" data-testid="escalate-via" className="rounded-md border-l-4 border-sky-600 bg-sky-50 p-2 text-sm text-sky-900">
              {tForms("via", {
                from: statusName(status),
                via: vendorVia.map((step) => statusName(step)).join(" », « "),
                to: statusName("waiting_vendor"),
              })}
            </p>
          )}
          {target === "vendor" && (
            <TextField formId={formId} name="vendorReference" label={t("vendorReference")} state={state} maxLength={100} />
          )}
          {target === "vendor" && (
            <fieldset>
              <legend className="text-sm font-medium">{share("legend")}</legend>
              <p className="text-xs text-slate-500">{share("hint")}</p>
              {shareable.notes.length === 0 && shareable.files.length === 0 && (
                <p className="mt-1 text-sm text-slate-600">{share("none")}</p>
              )}
              {shareable.notes.length > 0 && (
                <div className="mt-1 space-y-1">
                  <p className="text-sm">{share("notes")}</p>
                  {shareable.notes.map((note) => (
                    <label key={note.id} className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="sharedEventIds" value={note.id} className="mt-1" />{" "}
                      <span className="break-words">{note.label}</span>
                    </label>
                  ))}
                </div>
              )}
              {shareable.files.length > 0 && (
                <div className="mt-1 space-y-1">
                  <p className="text-sm">{share("files")}</p>
                  {shareable.files.map((file) => (
                    <label key={file.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="sharedAttachmentIds" value={file.id} /> {file.fileName}
                    </label>
                  ))}
                </div>
              )}
              <FieldErrors state={state} formId={formId} field="sharedEventIds" />
              <FieldErrors state={state} formId={formId} field="sharedAttachmentIds" />
            </fieldset>
          )}
          <TextAreaField formId={formId} name="reason" label={t("reason")} state={state} rows={3} required maxLength={5_000} />
        </>
      )}
    </DeskForm>
  );
}
