"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { formValues, IDLE, type FormState, type FormValues } from "@/lib/schemas/form-state";
import { markSent, saveDraft, settleDraft, takeDraft } from "./drafts";
import { ERROR_SUMMARY_ATTRIBUTE } from "./form-feedback";

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

type Options = {
  /** Fields that keep their value when the form empties after a success (a choice the next message reuses). */
  keep?: string[];
  /**
   * The name under which the browser keeps what is typed until it is sent (./drafts.ts), so a submit that
   * meets an expired session loses nothing: the form is filled again when it comes back after sign-in.
   * Name the form and its record ("reply:GU-2026-000123"); files are not kept (browsers cannot refill them).
   */
  draft?: string;
};

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isField = (element: Element): element is Field =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

/** The values a draft keeps: what the person typed or chose, not the hidden fields the page sets. */
function typedValues(form: HTMLFormElement): FormValues {
  const hidden = new Set(
    [...form.elements]
      .filter((element) => element instanceof HTMLInputElement && element.type === "hidden")
      .map((element) => (element as HTMLInputElement).name),
  );
  return Object.fromEntries(Object.entries(formValues(new FormData(form))).filter(([name]) => !hidden.has(name)));
}

/** Sets a field as if typed, so controlled fields (React state) follow. */
function fill(element: Field, value: string | string[]) {
  const values = Array.isArray(value) ? value : [value];
  if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
    if (values.includes(element.value) !== element.checked) element.click();
    return;
  }
  if (element instanceof HTMLInputElement && (element.type === "file" || element.type === "hidden")) return;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), "value")?.set;
  setter?.call(element, values[0] ?? "");
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

/**
 * `useActionState` for a form that keeps what the user typed (and the files they chose) when
 * the server refuses it, and empties only on success. React resets a form after every action
 * it runs itself, so with JavaScript the submission goes through `onSubmit`; without it, the
 * form still posts to the server action.
 *
 * After a refusal the focus goes to the error summary (see `FormAlert`); a field's errors go away
 * once the person corrects it (as far as the browser can tell: required, length, format). The
 * returned `state` is the one to show.
 */
export function useActionForm(action: FormAction, options: Options = {}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  const [corrected, setCorrected] = useState<{ of: FormState; fields: ReadonlySet<string> }>({ of: state, fields: new Set() });
  const draftKey = options.draft ?? null;
  // As text, so a new `keep` array on every render does not count as a change: only a new state empties the form or moves the focus.
  const kept = (options.keep ?? []).join(" ");

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    if (state.status === "ok") {
      const values = kept
        .split(" ")
        .filter(Boolean)
        .map((name) => [name, new FormData(form).get(name)] as const);
      form.reset();
      for (const [name, value] of values) {
        const field = form.elements.namedItem(name);
        if (field instanceof RadioNodeList && typeof value === "string") field.value = value;
      }
      if (draftKey) settleDraft(draftKey, true);
    } else if (state.status === "error") {
      if (draftKey) settleDraft(draftKey, false);
      form.querySelector<HTMLElement>(`[${ERROR_SUMMARY_ATTRIBUTE}]`)?.focus();
    }
  }, [state, kept, draftKey]);

  // What was typed and not sent (or sent into an expired session): filled in again.
  useEffect(() => {
    const form = ref.current;
    const values = draftKey ? takeDraft(draftKey) : null;
    if (!form || !values) return;
    for (const element of [...form.elements].filter(isField)) {
      const value = values[element.name];
      if (value !== undefined) fill(element, value);
    }
  }, [draftKey]);

  function onChange(event: FormEvent<HTMLFormElement>) {
    if (draftKey) saveDraft(draftKey, typedValues(event.currentTarget));
    const target = event.target;
    if (!(target instanceof Element) || !isField(target) || !target.name || state.status !== "error") return;
    const fields = new Set(corrected.of === state ? corrected.fields : []);
    if (target.checkValidity()) fields.add(target.name);
    else fields.delete(target.name);
    setCorrected({ of: state, fields });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draftKey) {
      saveDraft(draftKey, typedValues(event.currentTarget));
      markSent(draftKey);
    }
    // With the clicked button, as the browser would post it: a form with several buttons tells them apart by name and value.
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  }

  const shown = useMemo<FormState>(() => {
    if (state.status !== "error" || corrected.of !== state || corrected.fields.size === 0) return state;
    return { ...state, fields: Object.fromEntries(Object.entries(state.fields).filter(([field]) => !corrected.fields.has(field))) };
  }, [state, corrected]);

  return { state: shown, pending, formProps: { ref, action: dispatch, onSubmit, onChange } };
}
