"use server";

import { formAction } from "@/lib/auth/form-action";
import { filingFromForm, newCallContactSchema } from "@/lib/schemas/phone-calls";
import { createTicketSchema } from "@/lib/schemas/tickets";
import { createCallContact } from "@/lib/services/desk/create-call-contact";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { createTicket } from "@/lib/services/tickets/create-ticket";

/** A caller the school's contacts do not list: their account, then the call goes on with them. */
export const addCallContact = formAction(
  newCallContactSchema,
  (input, caller, _form, now, actor) => createCallContact(caller, input, now, actor),
  {
    redirectTo: (contact, input) => `/bureau/appel?ecole=${encodeURIComponent(input.establishmentUai)}&contact=${contact.id}`,
  },
);

/** The call's ticket, filed for the contact (`requesterId`), channel phone; the desk's page of the new ticket on success. */
export const fileCall = formAction(
  createTicketSchema,
  async (input, caller, form, now, actor) => createTicket(caller, input, await filesFromForm(form), now, actor, { channel: "phone" }),
  {
    read: filingFromForm,
    notFound: "filing.gone.category",
    redirectTo: (created) => `/bureau/tickets/${created.reference}`,
  },
);
