"use client";

import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** One field of an organisation form, described by the server page (labels already translated). */
export type FormField =
  | {
      kind: "text" | "date" | "datetime-local" | "email";
      name: string;
      label: string;
      defaultValue?: string | null;
      required?: boolean;
      maxLength?: number;
    }
  | { kind: "select"; name: string; label: string; options: Array<{ value: string; label: string }>; defaultValue?: string | null }
  | { kind: "textarea"; name: string; label: string; defaultValue?: string | null }
  | { kind: "checkbox"; name: string; label: string; defaultChecked?: boolean }
  | { kind: "hidden"; name: string; value: string }
  | { kind: "file"; name: string; label: string; accept: string };

type Props = {
  id: string;
  action: FormAction;
  fields: FormField[];
  labels: { submit: string; pending: string; done: string };
  title?: string;
};

/**
 * The admin forms of schools, teams, vendors, zones and onboarding meetings: labelled fields with their errors,
 * one submit button, the outcome under it. The schema of each action parses what it posts.
 */
export function FieldsForm({ id, action, fields, labels, title }: Props) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form
      {...formProps}
      noValidate
      aria-label={title}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      {title && <h3 className="font-medium sm:col-span-2 lg:col-span-3">{title}</h3>}
      {fields.map((field) => {
        const key = field.name;
        switch (field.kind) {
          case "hidden":
            return <input key={key} type="hidden" name={field.name} value={field.value} />;
          case "select":
            return (
              <SelectField
                key={key}
                formId={id}
                name={field.name}
                label={field.label}
                state={state}
                defaultValue={field.defaultValue ?? ""}
              >
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
            );
          case "textarea":
            return (
              <div key={key} className="sm:col-span-2 lg:col-span-3">
                <label htmlFor={`${id}-${field.name}`} className="block text-sm font-medium">
                  {field.label}
                </label>
                <textarea
                  id={`${id}-${field.name}`}
                  name={field.name}
                  rows={3}
                  defaultValue={field.defaultValue ?? ""}
                  className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
                  {...fieldA11y(state, id, field.name)}
                />
                <FieldErrors state={state} formId={id} field={field.name} />
              </div>
            );
          case "file":
            return (
              <div key={key} className="sm:col-span-2 lg:col-span-3">
                <label htmlFor={`${id}-${field.name}`} className="block text-sm font-medium">
                  {field.label}
                </label>
                <input
                  id={`${id}-${field.name}`}
                  name={field.name}
                  type="file"
                  accept={field.accept}
                  className="mt-1 block text-sm"
                  {...fieldA11y(state, id, field.name)}
                />
                <FieldErrors state={state} formId={id} field={field.name} />
              </div>
            );
          case "checkbox":
            return (
              <label key={key} className="flex items-center gap-2 self-end text-sm">
                <input type="checkbox" name={field.name} value="true" defaultChecked={field.defaultChecked} className="h-4 w-4" />
                {field.label}
              </label>
            );
          default:
            return (
              <TextField
                key={key}
                formId={id}
                name={field.name}
                label={field.label}
                state={state}
                type={field.kind}
                defaultValue={field.defaultValue ?? ""}
                required={field.required}
                maxLength={field.maxLength}
              />
            );
        }
      })}
      <div className="space-y-2 sm:col-span-2 lg:col-span-3">
        <SubmitButton pending={pending} label={labels.submit} pendingLabel={labels.pending} />
        <FormAlert state={state} success={labels.done} />
      </div>
    </form>
  );
}
