import type { FormState } from "@/lib/schemas/form-state";
import { ErrorSummary } from "./error-summary";

export { ERROR_SUMMARY_ATTRIBUTE } from "./error-summary";

/** The form's outcome: its error summary (focused after a refusal) or, once it succeeded, `success`. */
export function FormAlert({ state, success }: { state: FormState; success?: string }) {
  if (state.status === "error") return <ErrorSummary state={state} />;
  return (
    <p role="status" className="text-sm text-emerald-800">
      {state.status === "ok" ? success : null}
    </p>
  );
}

/** The id tying a field to its error messages, for `aria-describedby`. */
export const errorId = (formId: string, field: string) => `${formId}-${field}-error`;

export function fieldMessages(state: FormState, field: string): string[] {
  return state.status === "error" ? (state.fields[field] ?? []) : [];
}

/** Attributes marking a field invalid and pointing at its messages (and at a hint, when it has one). */
export function fieldA11y(state: FormState, formId: string, field: string, hintId?: string) {
  const invalid = fieldMessages(state, field).length > 0;
  const describedBy = [hintId, invalid ? errorId(formId, field) : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined };
}

/** The messages for one field, right under it. */
export function FieldErrors({ state, formId, field }: { state: FormState; formId: string; field: string }) {
  const messages = fieldMessages(state, field);
  if (!messages.length) return null;
  return (
    <ul id={errorId(formId, field)} className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * A field's label, followed by an asterisk when the field is required (the field's own `required` tells
 * screen readers; the asterisk stays out of the label so the field's name is the label's words only).
 */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const text = (
    <label htmlFor={htmlFor} className="block text-sm font-medium">
      {label}
    </label>
  );
  if (!required) return text;
  return (
    <div className="flex items-baseline gap-0.5">
      {text}
      <span aria-hidden="true" className="text-sm text-red-700">
        *
      </span>
    </div>
  );
}
