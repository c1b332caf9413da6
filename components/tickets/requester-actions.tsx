"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export type Transition = "confirm" | "reopen" | "cancel";

type Props = { reference: string; allowed: Transition[]; action: FormAction };

/** What the school may do with its ticket now: confirm or dispute a resolution, cancel an open ticket. */
export function RequesterActions({ reference, allowed, action }: Props) {
  const order: Transition[] = ["confirm", "reopen", "cancel"];
  return (
    <div className="space-y-4">
      {order
        .filter((kind) => allowed.includes(kind))
        .map((kind) => (
          <TransitionForm key={kind} reference={reference} kind={kind} action={action} />
        ))}
    </div>
  );
}

/** One transition's form; reopening asks for a reason, cancelling for a second click. */
function TransitionForm({ reference, kind, action }: { reference: string; kind: Transition; action: FormAction }) {
  const t = useTranslations("tickets.actions");
  const id = useId();
  const { state, pending, formProps } = useActionForm(action);
  const form = (
    <form {...formProps} noValidate className="mt-2 space-y-2">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="action" value={kind} />
      {kind === "confirm" && <p className="text-sm text-slate-600">{t("confirm.help")}</p>}
      {kind === "cancel" && <p className="text-sm text-slate-600">{t("cancel.warning")}</p>}
      {kind === "reopen" && (
        <TextAreaField formId={id} name="reason" label={t("reopen.reason")} state={state} required maxLength={10_000} />
      )}
      <FormAlert state={state} />
      <SubmitButton
        pending={pending}
        label={t(`${kind}.submit`)}
        pendingLabel={t("pending")}
        tone={kind === "cancel" ? "danger" : "primary"}
      />
    </form>
  );
  if (kind === "confirm") return form;
  // A disclosure: the form opens on a first click, so nothing happens by mistake.
  return (
    <details open={state.status === "error"} className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">{t(`${kind}.open`)}</summary>
      {form}
    </details>
  );
}
