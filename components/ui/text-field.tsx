import type { ComponentProps } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldErrors, FieldLabel, fieldA11y } from "./form-feedback";

type Props = { formId: string; name: string; label: string; state: FormState } & Omit<ComponentProps<"input">, "id" | "name">;

/** A labelled one-line input with its field errors under it. */
export function TextField({ formId, name, label, state, ...input }: Props) {
  const id = `${formId}-${name}`;
  return (
    <div>
      <FieldLabel htmlFor={id} label={label} required={Boolean(input.required)} />
      <input
        id={id}
        name={name}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
        {...fieldA11y(state, formId, name)}
        {...input}
      />
      <FieldErrors state={state} formId={formId} field={name} />
    </div>
  );
}
