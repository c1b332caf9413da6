import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { DONE, formValues, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { auditActor } from "@/lib/services/audit/audit-actor";
import type { ServiceResult } from "@/lib/services/service-result";
import { pageCaller } from "./current-caller";
import { refusedForm } from "./refusal";

/** `actor`: who acts and from where, for the audit rows the change writes. */
type Run<Input> = (input: Input, caller: Caller, form: FormData, now: Date, actor: AuditActor) => Promise<ServiceResult<unknown>>;

type Options<Input> = {
  /** The pages showing what the action changed, refreshed on success. */
  revalidate: (input: Input) => string[];
  /** What "not found" means for this form, when "this ticket" is not the right words. */
  notFound?: string;
};

/**
 * A server action for `useActionForm`: parse the form with its schema (a repeated field arrives as a
 * list), load the caller, let the service decide (it checks the caller against the record), then
 * refresh the pages that show the change. Refusals come back as French sentences for the form (a 403 or
 * 404 logged).
 */
export function formAction<Schema extends z.ZodType>(schema: Schema, run: Run<z.infer<Schema>>, options: Options<z.infer<Schema>>) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    const parsed = schema.safeParse(formValues(form));
    if (!parsed.success) return invalidForm(parsed.error);
    const caller = await pageCaller();
    const result = await run(parsed.data, caller, form, new Date(), auditActor(await headers(), caller));
    if (!result.ok) return refusedForm(result.failure, caller, options.notFound);
    for (const path of options.revalidate(parsed.data)) revalidatePath(path);
    return DONE;
  };
}
