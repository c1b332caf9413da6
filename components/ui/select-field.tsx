import type { ComponentProps } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldErrors, FieldLabel, fieldA11y } from "./form-feedback";

type Props = { formId: string; name: string; label: string; state: FormState } & Omit<ComponentProps<"select">, "id" | "name">;

/** A labelled select (its options as children) with its field errors under it. */
export function SelectField({ formId, name, label, state, children, ...select }: Props) {
  const id = `${formId}-${name}`;
  return (
    <div>
      <FieldLabel htmlFor={id} label={label} required={Boolean(select.required)} />
      <select
        id={id}
        name={name}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
        {...fieldA11y(state, formId, name)}
        {...select}
      >
        {children}
      </select>
      <FieldErrors state={state} formId={formId} field={name} />
    </div>
  );
}
