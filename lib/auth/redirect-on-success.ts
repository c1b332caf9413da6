import { redirect } from "next/navigation";
import type { FormState } from "@/lib/schemas/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** A form action that, once it succeeded, opens the page `to` names (the record just created); a refusal stays on the form. */
export function redirectOnSuccess(action: Action, to: (form: FormData) => string): Action {
  return async (state, form) => {
    const result = await action(state, form);
    if (result.status === "ok") redirect(to(form));
    return result;
  };
}
