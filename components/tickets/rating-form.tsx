"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { OneTimeForm } from "@/components/ui/one-time-form";
import type { FormAction } from "@/components/ui/use-action-form";
import { SCORES } from "@/lib/schemas/ticket-forms";

/** `hidden`: what identifies the ticket, its reference on its page or the token of the e-mail's link. */
type Props = { action: FormAction; hidden: Record<string, string> };

/** A 1–5 rating with an optional comment. Once rated, or when rating is no longer possible, only the outcome remains. */
export function RatingForm({ action, hidden }: Props) {
  const t = useTranslations("rating");
  return (
    <OneTimeForm action={action} hidden={hidden} done={t("thanks")}>
      {({ id, state, pending }) => (
        <>
          <fieldset {...fieldA11y(state, id, "score")}>
            <legend className="text-sm font-medium">{t("legend")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {SCORES.map((score) => (
                <label
                  key={score}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                >
                  <input type="radio" name="score" value={score} required />
                  <span>
                    <span className="font-semibold">{score}</span> · {t(`scores.${score}`)}
                  </span>
                </label>
              ))}
            </div>
            <FieldErrors state={state} formId={id} field="score" />
          </fieldset>
          <TextAreaField formId={id} name="comment" label={t("comment")} state={state} rows={3} maxLength={2_000} />
          <FormAlert state={state} />
          <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("sending")} />
        </>
      )}
    </OneTimeForm>
  );
}
