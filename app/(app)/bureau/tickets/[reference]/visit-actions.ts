"use server";

import { formAction } from "@/lib/auth/form-action";
import { planVisitSchema } from "@/lib/schemas/planning";
import { planVisit } from "@/lib/services/planning/ticket-visits";

/** Plans or moves the ticket's on-site visit; the school's page of the ticket and the planning show it. */
export const planTicketVisit = formAction(planVisitSchema, (input, caller, _form, now, actor) => planVisit(caller, input, now, actor), {
  revalidate: ({ reference }) => [`/bureau/tickets/${reference}`, `/demandes/${reference}`, "/bureau/planning", "/mon-etablissement", "/"],
});
