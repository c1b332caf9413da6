import type { FormState } from "@/lib/schemas/form-state";
import { FieldErrors, FieldLabel, fieldA11y } from "./form-feedback";

type Props = { formId: string; name: string; label: string; state: FormState; rows?: number; required?: boolean; maxLength?: number };

/** A labelled textarea with its field errors under it. */
export function TextAreaField({ formId, name, label, state, rows = 4, required = false, maxLength }: Props) {
  const id = `${formId}-${name}`;
  return (
    <div>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
        {...fieldA11y(state, formId, name)}
      />
      <FieldErrors state={state} formId={formId} field={name} />
    </div>
  );
}
