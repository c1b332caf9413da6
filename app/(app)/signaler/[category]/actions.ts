"use server";

import { redirect } from "next/navigation";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import { formValues, invalidForm, type FormState } from "@/lib/schemas/form-state";
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
  if (!parsed.success) return { ...invalidForm(parsed.error), values };

  const caller = await pageCaller();
  const created = await createTicket(caller, parsed.data, await filesFromForm(form), new Date());
  if (!created.ok) return { ...(await refusedForm(created.failure, caller, "Cette catégorie n'existe plus.")), values };
  redirect(`/demandes/${created.value.reference}?cree=1`);
}
