"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/schemas/form-state";

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * `useActionState` for a form that keeps what the user typed (and the files they chose) when
 * the server refuses it, and empties only on success. React resets a form after every action
 * it runs itself, so with JavaScript the submission goes through `onSubmit`; without it, the
 * form still posts to the server action.
 */
export function useActionForm(action: FormAction) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // With the clicked button, as the browser would post it: a form with several buttons tells them apart by name and value.
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  }

  return { state, pending, formProps: { ref, action: dispatch, onSubmit } };
}
