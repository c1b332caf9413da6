import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { DONE, formValues, invalidForm, type FormError, type FormState, type FormValues } from "@/lib/schemas/form-state";
import { auditActor } from "@/lib/services/audit/audit-actor";
import type { ServiceResult } from "@/lib/services/service-result";
import { pageCaller } from "./current-caller";
import { refusedForm } from "./refusal";
import { requestTranslator } from "./request-translator";

/** `actor`: who acts and from where, for the audit rows the change writes. */
type Run<Input, Who, Value> = (input: Input, caller: Who, form: FormData, now: Date, actor: AuditActor) => Promise<ServiceResult<Value>>;

type Options<Input, Value, Done> = {
  /** The pages showing what the action changed, refreshed on success. */
  revalidate?: (input: Input) => string[];
  /** What "not found" means for this form, when "this ticket" is not the right words. */
  notFound?: string;
  /** Where the browser goes once the service agreed (the new record's page, the list…). */
  redirectTo?: (value: Value, input: Input) => string;
  /** What the form shows once the service agreed, when it is more than "done" (a preview, an import's report). */
  done?: (value: Value, input: Input) => Done;
  /**
   * What the schema parses, when the form's entries are not it as they are (answers posted under a
   * prefix, checkboxes, comma lists). By default the entries, a repeated name as a list.
   */
  read?: (form: FormData, values: FormValues) => unknown;
};

/** A server action for `useActionForm`; on refusal it gives back what was typed, so the form shows it again. */
export type FormServerAction<Done = FormState> = (previous: FormState | Done, form: FormData) => Promise<FormError | Done>;

function build<Schema extends z.ZodType, Who extends Caller | null, Value, Done>(
  loadCaller: () => Promise<Who>,
  schema: Schema,
  run: Run<z.infer<Schema>, Who, Value>,
  options: Options<z.infer<Schema>, Value, Done>,
): FormServerAction<Done> {
  return async (_previous, form) => {
    const values = formValues(form);
    const parsed = schema.safeParse(options.read ? options.read(form, values) : values);
    if (!parsed.success) return { ...invalidForm(parsed.error, await requestTranslator()), values };
    const caller = await loadCaller();
    const result = await run(parsed.data, caller, form, new Date(), auditActor(await headers(), caller ?? { id: null, email: null }));
    if (!result.ok) return { ...(await refusedForm(result.failure, caller, options.notFound)), values };
    for (const path of options.revalidate?.(parsed.data) ?? []) revalidatePath(path);
    if (options.redirectTo) redirect(options.redirectTo(result.value, parsed.data));
    return options.done ? options.done(result.value, parsed.data) : (DONE as Done);
  };
}

/**
 * The one way a page changes something: parse the form with its schema, load the signed-in caller,
 * let the service decide (it checks the caller against the record), then refresh the pages that show
 * the change and go where `redirectTo` says. A refusal comes back as the form's sentence, the messages
 * per field, and the values typed (a 403 or 404 logged).
 */
export function formAction<Schema extends z.ZodType, Value = unknown, Done = FormState>(
  schema: Schema,
  run: Run<z.infer<Schema>, Caller, Value>,
  options: Options<z.infer<Schema>, Value, Done> = {},
): FormServerAction<Done> {
  return build(pageCaller, schema, run, options);
}

/** {@link formAction} for a page without sign-in (a signed link is the authority): no caller is loaded. */
export function publicFormAction<Schema extends z.ZodType, Value = unknown, Done = FormState>(
  schema: Schema,
  run: Run<z.infer<Schema>, null, Value>,
  options: Options<z.infer<Schema>, Value, Done> = {},
): FormServerAction<Done> {
  return build(async () => null, schema, run, options);
}
