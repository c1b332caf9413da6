import { canTransition, isOpen, TRANSITIONS } from "./ticket-status";
import type { TicketStatus } from "./vocabulary";

/** The panels of the desk's ticket page, each a move on the ticket. */
export const DESK_ACTIONS = ["reply", "take", "status", "assign", "move", "escalate", "requalify", "equipment", "link", "merge"] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/**
 * The steps from `from` to `to` in the lifecycle table: none when already there, the move itself
 * when allowed, else through "in progress" (the desk taking the ticket up again, e.g. from "waiting
 * for the requester" to "waiting for the vendor"); null when the lifecycle has no such way.
 */
export function lifecyclePath(from: TicketStatus, to: TicketStatus): TicketStatus[] | null {
  if (from === to) return [];
  if (canTransition(from, to)) return [to];
  if (canTransition(from, "in_progress") && canTransition("in_progress", to)) return ["in_progress", to];
  return null;
}

/** What the desk may do on a ticket in `status`: the page offers these only; nothing before its approval. */
export function deskActions(status: TicketStatus): DeskAction[] {
  if (status === "awaiting_approval") return [];
  const open = isOpen(status);
  return DESK_ACTIONS.filter((action) => {
    if (action === "link") return true;
    if (action === "reply") return open || status === "resolved";
    if (action === "status") return TRANSITIONS[status].length > 0;
    if (action === "escalate") return open && lifecyclePath(status, "waiting_vendor") !== null;
    return open;
  });
}
