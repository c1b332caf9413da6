"use client";

import { useId, type ReactNode } from "react";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/schemas/form-state";

type Fields = { id: string; state: FormState; pending: boolean };
type Props = {
  action: FormAction;
  /** What identifies the thing decided: the ticket's reference on its page, or the token of the e-mail's link. */
  hidden: Record<string, string>;
  /** Said once the answer is recorded, in place of the form. */
  done: string;
  children: (fields: Fields) => ReactNode;
};

/**
 * A form answered once (a rating, an approval): once recorded, or when the answer is no longer possible
 * (a conflict: already answered, link spent), only the outcome remains in its place.
 */
export function OneTimeForm({ action, hidden, done, children }: Props) {
  const id = useId();
  const { state, pending, formProps } = useActionForm(action);
  if (state.status === "ok")
    return (
      <p role="status" className="font-medium text-emerald-800">
        {done}
      </p>
    );
  if (state.status === "error" && state.kind === "conflict")
    return (
      <p role="alert" className="font-medium">
        {state.message}
      </p>
    );
  return (
    <form {...formProps} noValidate className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children({ id, state, pending })}
    </form>
  );
}
