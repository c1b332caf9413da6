import type { Executor } from "@/db/client";
import { ticketRoutingInput } from "@/db/queries/approvals";
import { recordRegisterEntry } from "../registers/record-from-approval";
import { routeFiledTicket } from "../tickets/route-filed-ticket";
import { lockTicket, transitionTicket } from "../tickets/ticket-transition";

/**
 * The work of a ticket's final approval, inside the approving transaction: it leaves `awaiting_approval` for `new`
 * (journalled), is routed, its SLA clocks start now (lib/domain/approvals.ts, slaStartAfterApproval), and an approved
 * filtering exception or delegation enters its school's register, approved by the last level's approver.
 * Returns what to hand to `afterCommit`; nothing when the ticket was no longer waiting for approval.
 */
export async function onTicketApproved(tx: Executor, ticketId: string, approvedById: string, now: Date) {
  const ticket = await lockTicket(tx, ticketId);
  if (ticket.status !== "awaiting_approval") return { outboxIds: [], slaSchedules: [] };
  await transitionTicket(tx, ticket, "new", null, now);
  await recordRegisterEntry(tx, { ticketId, approvedById, approvedAt: now });
  const input = await ticketRoutingInput(tx, ticketId);
  return routeFiledTicket(tx, { id: ticketId, ...input! }, now);
}
