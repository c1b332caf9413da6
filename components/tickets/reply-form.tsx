"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { ATTACHMENT_LIMITS } from "@/lib/attachments/policy";
import { ATTACHMENT_ACCEPT } from "@/lib/schemas/ticket-forms";

type Props = {
  reference: string;
  action: FormAction;
  /** The desk may write an internal note instead: a choice, public by default, posted as `visibility`. */
  allowInternal?: boolean;
  /** A vendor's message is always internal (to the Région's team): no choice, this hint instead. */
  internalOnlyHint?: string;
};

/** A reply to the ticket, with files; emptied once sent (back to a public reply). */
export function ReplyForm({ reference, action, allowInternal = false, internalOnlyHint }: Props) {
  const t = useTranslations("tickets.reply");
  const id = useId();
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="space-y-3">
      <input type="hidden" name="reference" value={reference} />
      {internalOnlyHint && (
        <>
          <input type="hidden" name="visibility" value="internal" />
          <p className="text-sm text-slate-600">{internalOnlyHint}</p>
        </>
      )}
      {allowInternal && (
        <fieldset {...fieldA11y(state, id, "visibility", `${id}-visibility-hint`)}>
          <legend className="text-sm font-medium">{t("visibility")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input type="radio" name="visibility" value="public" defaultChecked /> {t("public")}
            </label>
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50">
              <input type="radio" name="visibility" value="internal" /> {t("internal")}
            </label>
          </div>
          <p id={`${id}-visibility-hint`} className="mt-1 text-xs text-slate-500">{t("visibilityHint")}</p>
          <FieldErrors state={state} formId={id} field="visibility" />
        </fieldset>
      )}
      <TextAreaField formId={id} name="body" label={t("body")} state={state} rows={5} required maxLength={10_000} />
      <div>
        <label htmlFor={`${id}-attachments`} className="block text-sm font-medium">{t("attachments")}</label>
        <input id={`${id}-attachments`} name="attachments" type="file" multiple accept={ATTACHMENT_ACCEPT}
          className="mt-1 block w-full text-sm" {...fieldA11y(state, id, "attachments", `${id}-hint`)} />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {t("attachmentsHint", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 })}
        </p>
        <FieldErrors state={state} formId={id} field="attachments" />
      </div>
      <FormAlert state={state} success={t("sent")} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("sending")} />
    </form>
  );
}
