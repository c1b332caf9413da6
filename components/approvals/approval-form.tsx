"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { OneTimeForm } from "@/components/ui/one-time-form";
import type { FormAction } from "@/components/ui/use-action-form";

/** `hidden`: what identifies the decision, the ticket's reference on its page or the token of the e-mail's link. */
type Props = { action: FormAction; hidden: Record<string, string> };

/** Approuver or Refuser, the reason required to refuse; once decided, or when the decision is no longer possible, only the outcome remains. */
export function ApprovalForm({ action, hidden }: Props) {
  const t = useTranslations("approvals");
  return (
    <OneTimeForm action={action} hidden={hidden} done={t("form.done")}>
      {({ id, state, pending }) => (
        <>
          <TextAreaField formId={id} name="reason" label={t("form.reason")} state={state} rows={3} maxLength={2_000} />
          <FormAlert state={state} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending} label={t("form.approve")} pendingLabel={t("form.sending")} name="decision" value="approve" />
            <SubmitButton
              pending={pending}
              label={t("form.refuse")}
              pendingLabel={t("form.sending")}
              name="decision"
              value="refuse"
              tone="danger"
            />
          </div>
        </>
      )}
    </OneTimeForm>
  );
}
