"use server";

import { formAction } from "@/lib/auth/form-action";
import { filingFromForm } from "@/lib/schemas/phone-calls";
import { deflectionSchema } from "@/lib/schemas/articles";
import { createTicketSchema } from "@/lib/schemas/tickets";
import { recordDeflection } from "@/lib/services/knowledge/record-deflection";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { createTicket } from "@/lib/services/tickets/create-ticket";

/** The filing form's action: the new ticket's page on success. */
export const fileTicket = formAction(
  createTicketSchema,
  async (input, caller, form, now, actor) => createTicket(caller, input, await filesFromForm(form), now, actor),
  {
    read: filingFromForm,
    notFound: "filing.gone.category",
    redirectTo: (created) => `/demandes/${created.reference}?cree=1`,
  },
);

/** "Cela a résolu mon problème": no ticket; the deflection is counted and the article shown, with a word that nothing was filed. */
export const deflectFiling = formAction(deflectionSchema, async (input, caller, _form, now) => recordDeflection(caller, input, now), {
  notFound: "knowledge.suggestions.gone",
  redirectTo: (_done, input) => `/aide/${input.article}?resolu=1`,
});
