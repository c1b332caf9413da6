import type { Caller } from "./caller";
import { navigationFor, type NavigationItem } from "./navigation";
import { can } from "./permissions";
import type { SlaState } from "./sla";
import type { Priority, Role, TicketStatus } from "./vocabulary";

/**
 * What a home page holds, by what the caller may do: school staff file and follow their requests and see their
 * school; whoever works tickets sees their queues; a head sees the school's dashboard summary; everyone gets the
 * shortcuts to the rest of their menu; whoever may approve requests sees those waiting for their decision ("À valider").
 */
export type HomeBlocks = { portal: boolean; desk: boolean; schoolDashboard: boolean; approvals: boolean; shortcuts: NavigationItem[] };

/** Who may be asked to approve (lib/domain/approvals.ts): the school's head, delegates and secrétaire général, the sector leads. */
const APPROVER_ROLES: ReadonlySet<Role> = new Set(["requester", "manager", "sector_lead"]);

/** Menu entries a home block already leads to, left out of the shortcuts. */
const COVERED = new Set(["home", "file", "myTickets", "desk"]);

export function homeBlocks(caller: Pick<Caller, "role">): HomeBlocks {
  return {
    portal: can(caller, "portal.use"),
    desk: can(caller, "desk.use"),
    // A head reads their own school's dashboard; leads reach every school's from the shortcuts.
    schoolDashboard: can(caller, "dashboards.establishment") && can(caller, "establishments.read_own"),
    approvals: APPROVER_ROLES.has(caller.role),
    shortcuts: navigationFor(caller).filter((item) => !COVERED.has(item.key)),
  };
}

/** What a requester's open requests ask of them: an answer (waiting for them), a resolution to confirm. */
export function waitingForRequester<T extends { status: TicketStatus }>(tickets: readonly T[]): { answer: T[]; confirm: T[] } {
  return {
    answer: tickets.filter((ticket) => ticket.status === "waiting_requester"),
    confirm: tickets.filter((ticket) => ticket.status === "resolved"),
  };
}

/** Why a list row stands out: its deadline passed, or it is of the highest priorities (P1, P2); null when neither. */
export type Urgency = "breached" | "urgent";

export function ticketUrgency(ticket: { priority: Priority; sla: { state: SlaState | null } }): Urgency | null {
  if (ticket.sla.state === "breached") return "breached";
  return ticket.priority === "P1" || ticket.priority === "P2" ? "urgent" : null;
}
