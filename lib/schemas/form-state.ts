import type { ZodError } from "zod";
import type { FieldError } from "./field-errors";
import { fieldErrors } from "./field-errors";

/**
 * What a form's `useActionState` receives from a server action: nothing yet, success, or a
 * sentence for the form with messages per field, in the reader's words (services and schemas give
 * message keys; the action translates them with the request's locale).
 */
export type FormState =
  | { status: "idle" }
  | { status: "ok" }
  | { status: "error"; kind: FailureKind; message: string; fields: Record<string, string[]>; values?: FormValues };

export type FormError = Extract<FormState, { status: "error" }>;

/** What was typed, handed back so a refused form shows it again (files excepted: browsers cannot refill them). */
export type FormValues = Record<string, string | string[]>;

/** The text entries of a form, repeated names kept as lists. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const previous = values[name];
    values[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return values;
}

type FailureKind = "invalid" | "forbidden" | "not_found" | "conflict" | "unprocessable";

/** A service's refusal, as far as a form needs it (the shape of `ServiceFailure`). */
export type FormFailure = { kind: FailureKind; message?: string; values?: Record<string, string | number>; errors?: FieldError[] };

/** Turns a message key and its values into the reader's words (i18n/text.ts, bound to the request's locale). */
export type Translate = (message: string, values?: Record<string, string | number>) => string;

export const IDLE: FormState = { status: "idle" };
export const DONE: FormState = { status: "ok" };

const CHECK_FIELDS = "forms.errors.checkFields";
const NOT_FOUND = "forms.errors.requestNotFound";

function byField(errors: FieldError[], translate: Translate): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const { field, message, values } of errors) (fields[field] ??= []).push(translate(message, values));
  return fields;
}

/** A form the schema refused: every message next to its field. */
export function invalidForm(error: ZodError, translate: Translate): FormError {
  return { status: "error", kind: "invalid", message: translate(CHECK_FIELDS), fields: byField(fieldErrors(error), translate) };
}

/** A service's refusal; `notFound` (a message key) names what was not found when "this request" is not the right words. */
export function failedForm(failure: FormFailure, translate: Translate, notFound = NOT_FOUND): FormError {
  const message = translate(
    failure.kind === "not_found" ? notFound : (failure.message ?? CHECK_FIELDS),
    failure.kind === "not_found" ? undefined : failure.values,
  );
  return { status: "error", kind: failure.kind, message, fields: byField(failure.errors ?? [], translate) };
}
