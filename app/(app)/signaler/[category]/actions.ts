"use server";

import { formAction } from "@/lib/auth/form-action";
import type { FormValues } from "@/lib/schemas/form-state";
import { createTicketSchema } from "@/lib/schemas/tickets";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { createTicket } from "@/lib/services/tickets/create-ticket";

const FIELD_PREFIX = "fields.";

/** The category's answers are posted as `fields.<name>`, equipment as repeated `ciIds`. */
function filing(form: FormData, values: FormValues) {
  const single = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  return {
    type: single("type"),
    serviceCode: single("serviceCode"),
    categoryCode: single("categoryCode"),
    establishmentUai: single("establishmentUai"),
    title: single("title"),
    description: single("description"),
    impact: single("impact"),
    urgency: single("urgency"),
    fields: Object.fromEntries(
      Object.entries(values)
        .filter(([name]) => name.startsWith(FIELD_PREFIX))
        .map(([name, value]) => [name.slice(FIELD_PREFIX.length), value]),
    ),
    ciIds: form.getAll("ciIds").filter((id) => typeof id === "string"),
  };
}

/** The filing form's action: the new ticket's page on success. */
export const fileTicket = formAction(
  createTicketSchema,
  async (input, caller, form, now, actor) => createTicket(caller, input, await filesFromForm(form), now, actor),
  {
    read: filing,
    notFound: "filing.gone.category",
    redirectTo: (created) => `/demandes/${created.reference}?cree=1`,
  },
);
