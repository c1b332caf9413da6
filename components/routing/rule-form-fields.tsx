import type { FormState, FormValues } from "@/lib/schemas/form-state";

/** The form's identity and outcome, which every field needs to name itself and show its refusal. */
export type FieldContext = { formId: string; state: FormState };

export const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600";

/** Messages for a field and for its items ("watcherTeamCodes.1"): a list's refusal shows under the list. */
function messagesFor(state: FormState, field: string, exact = false): string[] {
  if (state.status !== "error") return [];
  return Object.entries(state.fields)
    .filter(([name]) => name === field || (!exact && name.startsWith(`${field}.`)))
    .flatMap(([, messages]) => messages);
}

/** What was sent, when the server hands a refused form back (without JavaScript, the page is rebuilt from it). */
export function sentValues(state: FormState): FormValues | undefined {
  return state.status === "error" ? state.values : undefined;
}

/** The sent text of a field, or `fallback` when nothing was sent. */
const sentText = (state: FormState, field: string, fallback: string) => {
  const sent = sentValues(state)?.[field];
  return typeof sent === "string" ? sent : fallback;
};

/** Whether a checkbox was ticked in the sent form, or `fallback` when nothing was sent. */
export function sentTick(state: FormState, field: string, value: string, fallback: boolean): boolean {
  const sent = sentValues(state);
  return sent ? [sent[field]].flat().includes(value) : fallback;
}

export const hintId = ({ formId }: FieldContext, field: string) => `${formId}-${field}-hint`;

/** Id, name and the attributes tying a control to its hint and its errors. */
export function controlProps(context: FieldContext, field: string, withHint = false) {
  const invalid = messagesFor(context.state, field).length > 0;
  const describedBy = [withHint ? hintId(context, field) : null, invalid ? `${context.formId}-${field}-error` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id: `${context.formId}-${field}`,
    name: field,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy || undefined,
  };
}

/** The field's messages; `exact` leaves its items' messages to the controls showing them. */
export function FieldErrorList({ context, field, exact = false }: { context: FieldContext; field: string; exact?: boolean }) {
  const messages = messagesFor(context.state, field, exact);
  if (!messages.length) return null;
  return (
    <ul id={`${context.formId}-${field}-error`} className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** A labelled text input with a hint under it, e.g. comma-separated codes. */
export function TextField({
  context,
  field,
  label,
  hint,
  value,
  required = false,
  maxLength,
}: {
  context: FieldContext;
  field: string;
  label: string;
  hint?: string;
  value: string;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <div>
      <label htmlFor={`${context.formId}-${field}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        {...controlProps(context, field, Boolean(hint))}
        defaultValue={sentText(context.state, field, value)}
        required={required}
        maxLength={maxLength}
        autoComplete="off"
        className={INPUT}
      />
      {hint && (
        <p id={hintId(context, field)} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrorList context={context} field={field} />
    </div>
  );
}

/** A labelled select with an optional hint. */
export function SelectField({
  context,
  field,
  label,
  hint,
  value,
  options,
}: {
  context: FieldContext;
  field: string;
  label: string;
  hint?: string;
  value: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div>
      <label htmlFor={`${context.formId}-${field}`} className="block text-sm font-medium">
        {label}
      </label>
      <select {...controlProps(context, field, Boolean(hint))} defaultValue={sentText(context.state, field, value)} className={INPUT}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId(context, field)} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrorList context={context} field={field} />
    </div>
  );
}

/** Checkboxes sharing one name: any of the ticked values. */
export function CheckboxGroup({
  context,
  field,
  legend,
  options,
  checked,
}: {
  context: FieldContext;
  field: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  checked: readonly string[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={field}
              value={option.value}
              defaultChecked={sentTick(context.state, field, option.value, checked.includes(option.value))}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrorList context={context} field={field} />
    </fieldset>
  );
}
