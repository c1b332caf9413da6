"use server";

import { formAction } from "@/lib/auth/form-action";
import type { FormValues } from "@/lib/schemas/form-state";
import { deflectionSchema } from "@/lib/schemas/articles";
import { createTicketSchema } from "@/lib/schemas/tickets";
import { recordDeflection } from "@/lib/services/knowledge/record-deflection";
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

/** "Cela a résolu mon problème": no ticket; the deflection is counted and the article shown, with a word that nothing was filed. */
export const deflectFiling = formAction(deflectionSchema, async (input, caller, _form, now) => recordDeflection(caller, input, now), {
  notFound: "knowledge.suggestions.gone",
  redirectTo: (_done, input) => `/aide/${input.article}?resolu=1`,
});
