import { problemFromFailure } from "@/lib/api/problem";
import { ticketJson } from "@/lib/api/ticket-json";
import { ticketRoute } from "@/lib/api/ticket-route";
import { approvalDecisionSchema } from "@/lib/schemas/approvals";
import { decideApproval } from "@/lib/services/approvals/decide-approval";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readTicketRecord } from "@/lib/services/tickets/read-ticket";

/**
 * POST /api/v1/tickets/{reference}/approval {decision: "approve"|"refuse", reason?} → 200 with the ticket: 403 for
 * whoever approves nothing at its school (its requester included), 409 when it waits for no level the caller approves,
 * 422 for a refusal without its reason.
 */
export const POST = ticketRoute(approvalDecisionSchema, async ({ request, reference, input, caller }) => {
  const now = new Date();
  const decided = await decideApproval(caller, reference, input, auditActor(request.headers, caller), now);
  if (!decided.ok) return problemFromFailure(decided.failure);
  const found = await readTicketRecord(caller, reference, now);
  return Response.json(found ? ticketJson(found) : { reference });
});
