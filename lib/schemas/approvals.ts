import { z } from "zod";
import { ticketReference } from "./primitives";

/** An approver's decision on a ticket waiting for approval; a refusal's reason is required by the service (422). */
export const approvalDecisionSchema = z
  .object({
    decision: z.enum(["approve", "refuse"], { error: "approvals.errors.chooseDecision" }),
    reason: z.string().trim().max(2000, "approvals.errors.reasonTooLong").optional(),
  })
  .meta({ id: "ApprovalDecision" });

/** The approval page's form (signed in): the ticket, the button pressed, the reason. */
export const approvalForm = approvalDecisionSchema.extend({ reference: ticketReference });

/** The e-mail link's form (no sign-in): the signed token stands for the approver. */
export const linkApprovalForm = approvalDecisionSchema.extend({ token: z.string().min(1).max(512) });

/** The head names a delegate among the school's staff, or removes one. */
export const approvalDelegateForm = z.object({
  uai: z.string().min(1).max(20),
  userId: z.uuid({ error: "approvals.errors.chooseDelegate" }),
});
