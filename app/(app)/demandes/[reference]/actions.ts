"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { pageCaller } from "@/lib/auth/current-caller";
import { refusedForm } from "@/lib/auth/refusal";
import type { Caller } from "@/lib/domain/caller";
import { DONE, invalidForm, type FormState } from "@/lib/schemas/form-state";
import { replyForm, requesterActionForm, ticketRatingForm } from "@/lib/schemas/ticket-forms";
import { addComment } from "@/lib/services/add-comment";
import { filesFromForm } from "@/lib/services/attachments";
import { rateTicket, requesterTransition } from "@/lib/services/requester-actions";
import type { ServiceResult } from "@/lib/services/service-result";

/**
 * The ticket page's forms: parse with the form's schema, load the caller, let the service
 * decide (it checks the caller against the ticket), refresh the ticket's pages.
 */
function ticketAction<Schema extends z.ZodType<{ reference: string }>>(
  schema: Schema,
  run: (input: z.infer<Schema>, caller: Caller, form: FormData, now: Date) => Promise<ServiceResult<unknown>>,
) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalidForm(parsed.error);
    const caller = await pageCaller();
    const result = await run(parsed.data, caller, form, new Date());
    if (!result.ok) return refusedForm(result.failure, caller);
    revalidatePath(`/demandes/${parsed.data.reference}`);
    revalidatePath("/demandes");
    return DONE;
  };
}

export const replyToTicket = ticketAction(replyForm, async (input, caller, form, now) =>
  addComment(caller, input.reference, { body: input.body, visibility: "public" }, await filesFromForm(form, "attachments"), now));

export const actOnTicket = ticketAction(requesterActionForm, (input, caller, _form, now) =>
  requesterTransition(caller, input.reference, input.action, input.action === "reopen" ? input.reason : undefined, now));

export const rateFromTicketPage = ticketAction(ticketRatingForm, (input, caller, _form, now) =>
  rateTicket(caller, input.reference, { score: input.score, comment: input.comment }, now));
