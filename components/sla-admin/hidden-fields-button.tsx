"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/use-action-form";
import { IDLE } from "@/lib/schemas/form-state";

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  ariaLabel?: string;
  danger?: boolean;
};

/** One button posting hidden fields to an action (delete a closure, reset a setting), its refusal shown beside it. */
export function HiddenFieldsButton({ action, fields, label, pendingLabel, ariaLabel, danger = false }: Props) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={ariaLabel}
        className={`rounded-md px-2 py-1 text-xs disabled:opacity-60 ${danger ? "border border-red-300 text-red-800 hover:bg-red-50" : "border border-slate-300 hover:bg-slate-100"}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
