import type { TicketStatus } from "./vocabulary";

/**
 * The ticket lifecycle: every allowed status change, in one table.
 * new → assigned → in progress → waiting (requester / vendor) → resolved → closed;
 * a resolved ticket reopens to `assigned`; any open ticket may be cancelled. A ticket that needs approval waits in
 * `awaiting_approval` before all that: approved, it becomes `new` (and is routed); refused or unanswered, `cancelled`.
 */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  awaiting_approval: ["new", "cancelled"],
  new: ["assigned", "in_progress", "waiting_requester", "waiting_vendor", "resolved", "cancelled"],
  assigned: ["in_progress", "waiting_requester", "waiting_vendor", "resolved", "cancelled"],
  in_progress: ["assigned", "waiting_requester", "waiting_vendor", "resolved", "cancelled"],
  waiting_requester: ["assigned", "in_progress", "resolved", "cancelled"],
  waiting_vendor: ["assigned", "in_progress", "resolved", "cancelled"],
  resolved: ["closed", "assigned"],
  closed: [],
  cancelled: [],
};

export const OPEN_STATUSES: readonly TicketStatus[] = ["new", "assigned", "in_progress", "waiting_requester", "waiting_vendor"];

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** A resolved ticket may be reopened by its requester for this long; after it, the worker closes it. */
export const REOPEN_WINDOW_DAYS = 10;

export type RequesterAction = "cancel" | "confirm" | "reopen" | "rate";

/** What the requester may do on their ticket now: a request still waiting for approval may be withdrawn too. */
export function requesterActions(ticket: { status: TicketStatus; resolvedAt: Date | null; rated: boolean }, now: Date): RequesterAction[] {
  if (isOpen(ticket.status) || ticket.status === "awaiting_approval") return ["cancel"];
  if (ticket.status === "resolved") {
    const withinWindow = ticket.resolvedAt !== null && now.getTime() - ticket.resolvedAt.getTime() < REOPEN_WINDOW_DAYS * 86_400_000;
    return withinWindow ? ["confirm", "reopen"] : ["confirm"];
  }
  if (ticket.status === "closed" && !ticket.rated) return ["rate"];
  return [];
}

/** A requester's public reply hands the ball back: a ticket waiting for them resumes. */
export function statusAfterRequesterReply(status: TicketStatus): TicketStatus {
  return status === "waiting_requester" ? "in_progress" : status;
}
