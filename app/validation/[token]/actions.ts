"use server";

import { publicFormAction } from "@/lib/auth/form-action";
import { linkApprovalForm } from "@/lib/schemas/approvals";
import { decideWithLink } from "@/lib/services/approvals/decide-approval";

/** A decision through the approval e-mail's link: no sign-in, the signed token stands for the approver. */
export const decideThroughLink = publicFormAction(
  linkApprovalForm,
  ({ token, decision, reason }, _caller, _form, now, actor) => decideWithLink(token, { decision, reason }, actor, now),
  { notFound: "approvals.link.gone" },
);
