"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Fold } from "@/components/shell/fold";
import { FieldErrors, FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { TICKET_STATUSES } from "@/lib/domain/vocabulary";
import { StatusSelect } from "./status-select";

/** Any status but "new" may be asked for; the service refuses the whole selection if one ticket cannot make the move. */
// Neither the first status nor the approval's wait: a ticket only reaches them by being filed.
const TARGET_STATUSES = TICKET_STATUSES.filter((status) => status !== "new" && status !== "awaiting_approval");

/**
 * The queue's table inside one form, with the bar acting on the checked rows (`references`):
 * take them all, or move them all to a status. All or nothing: one refusal changes none.
 * Kept on an emptied queue (`hasRows` false, the bar's controls gone) so the outcome stays in sight
 * when the change took every ticket out of it.
 */
export function BulkForm({
  action,
  hasRows,
  majors,
  children,
}: {
  action: FormAction;
  hasRows: boolean;
  /** The major incidents of announced outages the checked tickets may join. */
  majors: Array<{ reference: string; title: string }>;
  children: React.ReactNode;
}) {
  const t = useTranslations("desk");
  const tMajor = useTranslations("announcements.major");
  const tShell = useTranslations("shell");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate aria-label={t("bulk.label")}>
      {hasRows ? (
        <div className="mt-3">
          <Fold label={tShell("fold.bulk")} closeLabel={tShell("fold.hideBulk")}>
            <div className="mt-1 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
              <p className="w-full text-sm font-medium">{t("bulk.label")}</p>
              <SubmitButton
                pending={pending}
                name="operation"
                value="take"
                label={t("bulk.take")}
                pendingLabel={t("pending")}
                tone="secondary"
              />
              <div className="min-w-48">
                <StatusSelect formId={formId} state={state} statuses={TARGET_STATUSES} />
              </div>
              <div className="min-w-64 flex-1">
                <TextAreaField formId={formId} name="message" label={t("bulk.message")} state={state} rows={1} maxLength={10_000} />
              </div>
              <SubmitButton pending={pending} name="operation" value="status" label={t("bulk.setStatus")} pendingLabel={t("pending")} />
              {majors.length > 0 && (
                <>
                  <div className="min-w-48">
                    <SelectField formId={formId} name="major" label={tMajor("incident")} state={state} defaultValue={majors[0]!.reference}>
                      {majors.map((major) => (
                        <option key={major.reference} value={major.reference}>
                          {major.reference} — {major.title}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  <SubmitButton
                    pending={pending}
                    name="operation"
                    value="group"
                    label={tMajor("group")}
                    pendingLabel={t("pending")}
                    tone="secondary"
                  />
                </>
              )}
              <div className="w-full">
                <FieldErrors state={state} formId={formId} field="references" />
                <FormAlert state={state} success={t("bulk.done")} />
              </div>
            </div>
          </Fold>
        </div>
      ) : (
        <div className="mt-4">
          <FormAlert state={state} success={t("bulk.done")} />
        </div>
      )}
      {children}
    </form>
  );
}
