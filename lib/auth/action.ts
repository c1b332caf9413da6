import type { z } from "zod";
import type { Caller } from "@/lib/domain/caller";
import { pageCaller } from "./current-caller";

/** What a form's `useActionState` receives: a message key to show, or success. */
export type ActionState = { status: "idle" } | { status: "ok" } | { status: "error"; message: string };

/**
 * The one wrapper for UI mutations: parse the form with its schema, load the caller,
 * then hand both to the service, which checks permissions against the loaded record.
 */
export function authorizedAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (input: z.infer<Schema>, caller: Caller) => Promise<ActionState>,
) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { status: "error", message: "errors.generic" };
    const caller = await pageCaller();
    return run(parsed.data, caller);
  };
}
