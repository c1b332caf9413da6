"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
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

/**
 * A reply to the ticket, with files; emptied once sent, but a desk's public/internal choice stays as
 * it was (a second note is not sent to the school by mistake), and the two look different before sending.
 * What is typed is kept in the tab until sent (an expired session loses nothing).
 */
export function ReplyForm({ reference, action, allowInternal = false, internalOnlyHint }: Props) {
  const t = useTranslations("tickets.reply");
  const tForms = useTranslations("forms.reply");
  const id = useId();
  const { state, pending, formProps } = useActionForm(action, { keep: ["visibility"], draft: `reply:${reference}` });
  const [visibility, setVisibility] = useState<"public" | "internal">("public");
  const internal = Boolean(internalOnlyHint) || visibility === "internal";
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
              <input type="radio" name="visibility" value="public" defaultChecked onChange={() => setVisibility("public")} /> {t("public")}
            </label>
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50">
              <input type="radio" name="visibility" value="internal" onChange={() => setVisibility("internal")} /> {t("internal")}
            </label>
          </div>
          <p id={`${id}-visibility-hint`} className="mt-1 text-xs text-slate-500">
            {t("visibilityHint")}
          </p>
          <FieldErrors state={state} formId={id} field="visibility" />
        </fieldset>
      )}
      {allowInternal && (
        <p
          data-testid="reply-audience"
          className={`rounded-md border-l-4 px-3 py-2 text-sm ${internal ? "border-amber-500 bg-amber-50 text-amber-900" : "border-brand-700 bg-brand-50 text-brand-800"}`}
        >
          <span aria-hidden="true" className="mr-1">
            {internal ? "🔒" : "✉"}
          </span>
          {internal ? tForms("internalNotice") : tForms("publicNotice")}
        </p>
      )}
      <TextAreaField formId={id} name="body" label={t("body")} state={state} rows={5} required maxLength={10_000} />
      <div>
        <label htmlFor={`${id}-attachments`} className="block text-sm font-medium">
          {t("attachments")}
        </label>
        <input
          id={`${id}-attachments`}
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          className="mt-1 block w-full text-sm"
          {...fieldA11y(state, id, "attachments", `${id}-hint`)}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {t("attachmentsHint", { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 })}
        </p>
        <FieldErrors state={state} formId={id} field="attachments" />
      </div>
      <FormAlert state={state} success={t("sent")} />
      <SubmitButton
        pending={pending}
        label={allowInternal ? tForms(internal ? "submitInternal" : "submitPublic") : t("submit")}
        pendingLabel={t("sending")}
      />
    </form>
  );
}
