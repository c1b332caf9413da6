"use server";

import { formAction } from "@/lib/auth/form-action";
import { approvalForm } from "@/lib/schemas/approvals";
import { decideApproval } from "@/lib/services/approvals/decide-approval";

/** Approuver / Refuser on the approval page; the ticket's pages and the home show the outcome. */
export const decideFromPage = formAction(
  approvalForm,
  ({ reference, decision, reason }, caller, _form, now, actor) => decideApproval(caller, reference, { decision, reason }, actor, now),
  { revalidate: ({ reference }) => [`/validations/${reference}`, `/demandes/${reference}`, "/"] },
);
