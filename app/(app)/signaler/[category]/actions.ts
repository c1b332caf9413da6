"use server";

import { redirect } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { fieldErrors } from "@/lib/schemas/field-errors";
import { firstErrors, formValues, type FormState } from "@/lib/schemas/form-state";
import { createTicketSchema } from "@/lib/schemas/tickets";
import { filesFromForm } from "@/lib/services/attachments";
import { createTicket } from "@/lib/services/create-ticket";

const FIELD_PREFIX = "fields.";

/** The filing form's action: the category's answers are posted as `fields.<name>`, equipment as repeated `ciIds`. */
export async function fileTicket(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const single = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  const parsed = createTicketSchema.safeParse({
    type: single("type"), serviceCode: single("serviceCode"), categoryCode: single("categoryCode"),
    establishmentUai: single("establishmentUai"), title: single("title"), description: single("description"),
    impact: single("impact"), urgency: single("urgency"),
    fields: Object.fromEntries(Object.entries(values).filter(([name]) => name.startsWith(FIELD_PREFIX)).map(([name, value]) => [name.slice(FIELD_PREFIX.length), value])),
    ciIds: form.getAll("ciIds").filter((id) => typeof id === "string"),
  });
  const failed = (message: string, errors: Array<{ field: string; message: string }>): FormState =>
    ({ status: "error", message, fieldErrors: firstErrors(errors), values });
  if (!parsed.success) return failed("La demande n'a pas été envoyée. Corrigez les points signalés.", fieldErrors(parsed.error));

  const caller = await pageCaller();
  const created = await createTicket(caller, parsed.data, await filesFromForm(form), new Date());
  if (!created.ok) {
    const failure = created.failure;
    if (failure.kind === "not_found") return failed("Cette catégorie n'existe plus.", []);
    return failed(failure.message, "errors" in failure ? failure.errors ?? [] : []);
  }
  redirect(`/demandes/${created.value.reference}?cree=1`);
}
