"use server";

import { formAction } from "@/lib/auth/form-action";
import { replyForm, requesterActionForm, ticketRatingForm } from "@/lib/schemas/ticket-forms";
import { addComment } from "@/lib/services/tickets/add-comment";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { rateTicket, requesterTransition } from "@/lib/services/tickets/requester-actions";

/** The ticket page's forms; each refreshes the ticket's pages. */
const refresh = { revalidate: ({ reference }: { reference: string }) => [`/demandes/${reference}`, "/demandes"] };

export const replyToTicket = formAction(
  replyForm,
  async (input, caller, form, now) =>
    addComment(caller, input.reference, { body: input.body, visibility: "public" }, await filesFromForm(form, "attachments"), now),
  refresh,
);

export const actOnTicket = formAction(
  requesterActionForm,
  (input, caller, _form, now) =>
    requesterTransition(caller, input.reference, input.action, input.action === "reopen" ? input.reason : undefined, now),
  refresh,
);

export const rateFromTicketPage = formAction(
  ticketRatingForm,
  (input, caller, _form, now) => rateTicket(caller, input.reference, { score: input.score, comment: input.comment }, now),
  refresh,
);
