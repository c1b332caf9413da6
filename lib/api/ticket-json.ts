import type { TicketListItem } from "@/db/queries/ticket-list";
import type { TicketDetail } from "@/db/queries/ticket-detail";
import { approvalSummary } from "@/lib/domain/approvals";
import type { Caller } from "@/lib/domain/caller";
import type { TicketJson, TicketSummaryJson } from "@/lib/schemas/api-responses";
import { readTicketDetail } from "@/lib/services/tickets/read-ticket";

/** The approval as the API tells it: its state and, once decided, by whom, in what function, when (and a refusal's reason). */
function approvalJson(levels: TicketDetail["approvals"]): TicketJson["approval"] {
  const summary = approvalSummary(levels);
  if (!summary) return null;
  const decisive = summary.decisive;
  return {
    state: summary.state,
    ...(decisive?.decidedByName ? { by: decisive.decidedByName } : {}),
    ...(decisive?.decidedFunction ? { function: decisive.decidedFunction } : {}),
    ...(decisive ? { as: decisive.approverKind } : {}),
    ...(decisive?.decidedAt ? { at: decisive.decidedAt.toISOString() } : {}),
    ...(decisive?.reason ? { reason: decisive.reason } : {}),
  };
}

export function ticketSummaryJson(item: TicketListItem): TicketSummaryJson {
  return {
    reference: item.reference,
    type: item.type,
    status: item.status,
    priority: item.priority,
    title: item.title,
    establishment: { uai: item.establishment.uai, name: item.establishment.name },
    service: { code: item.service.code },
    category: { code: item.category.code },
    assignedTeam: item.assignedTeam,
    flags: item.flags,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    sla:
      item.sla.state && item.sla.ownBy && item.sla.resolveBy
        ? { state: item.sla.state, ownBy: item.sla.ownBy.toISOString(), resolveBy: item.sla.resolveBy.toISOString() }
        : null,
  };
}

export function ticketJson(ticket: TicketDetail): TicketJson {
  return {
    reference: ticket.reference,
    type: ticket.type,
    status: ticket.status,
    priority: ticket.priority,
    title: ticket.title,
    description: ticket.description,
    impact: ticket.impact,
    urgency: ticket.urgency,
    fields: ticket.fields,
    establishment: { uai: ticket.establishment.uai, name: ticket.establishment.name },
    service: { code: ticket.service.code },
    category: { code: ticket.category.code },
    cis: ticket.cis,
    assignedTeam: ticket.assignedTeam,
    assignee: ticket.assignee ? { name: ticket.assignee.name } : null,
    requester: { name: ticket.requester.name },
    channel: ticket.channel,
    takenBy: ticket.takenBy ? { id: ticket.takenBy.id, name: ticket.takenBy.name } : null,
    flags: ticket.flags,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    vendor: ticket.vendor,
    mergedInto: ticket.mergedInto,
    sla:
      ticket.ownBy && ticket.resolveBy && ticket.slaState
        ? {
            policy: ticket.slaPolicyCode ?? "DEFAULT",
            ownBy: ticket.ownBy.toISOString(),
            resolveBy: ticket.resolveBy.toISOString(),
            state: ticket.slaState,
            pausedMinutes: ticket.slaPausedMinutes,
          }
        : null,
    approval: approvalJson(ticket.approvals),
  };
}

/** The body of a change's answer: the ticket as GET returns it, or only its reference once it left the caller's sight (the change stands). */
export async function changedTicketJson(caller: Caller, reference: string, now: Date): Promise<TicketJson | { reference: string }> {
  const ticket = await readTicketDetail(caller, reference, now);
  return ticket ? ticketJson(ticket) : { reference };
}
