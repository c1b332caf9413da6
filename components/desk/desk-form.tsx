"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/schemas/form-state";

type Props = {
  action: FormAction;
  /** What identifies the record (the ticket's reference…), posted with the fields. */
  hidden: Record<string, string>;
  submitLabel: string;
  success: string;
  tone?: "primary" | "secondary" | "danger";
  /** The form's fields, given its state (for field errors) and its id (for labels). */
  children?: (form: { state: FormState; formId: string }) => React.ReactNode;
  /** Told once the action succeeded, for a parent that moves on (e.g. closes a preview). */
  onDone?: () => void;
};

/** The frame of every desk action: hidden identifiers, the fields, the outcome, one submit button. */
export function DeskForm({ action, hidden, submitLabel, success, tone, children, onDone }: Props) {
  const t = useTranslations("desk");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  const done = useEffectEvent(() => onDone?.());
  useEffect(() => {
    if (state.status === "ok") done();
  }, [state]);
  return (
    <form {...formProps} noValidate className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.({ state, formId })}
      <FormAlert state={state} success={success} />
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={t("pending")} tone={tone} />
    </form>
  );
}
