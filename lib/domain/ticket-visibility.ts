import type { Caller } from "./caller";

/** What a ticket exposes to the visibility rule. */
export type TicketScopeFacts = { establishmentId: string; zoneId: string; assignedTeamId: string | null; watcherTeamIds: string[]; requesterId: string };

/**
 * Which tickets a caller may see: school staff their schools' tickets; the Région's staff
 * the tickets their teams hold or watch and those of their zones' schools; Académie and vendor
 * agents the tickets their teams hold or watch; the service lead and admins all of them; and
 * everyone the tickets they filed themselves.
 */
export type TicketScope =
  | { kind: "all" }
  | { kind: "establishments"; establishmentIds: string[]; requesterId: string }
  | { kind: "teams"; teamIds: string[]; zoneIds: string[]; requesterId: string };

export function ticketScope(caller: Caller): TicketScope {
  switch (caller.role) {
    case "admin":
    case "service_lead":
      return { kind: "all" };
    case "requester":
    case "manager":
      return { kind: "establishments", establishmentIds: caller.establishmentIds, requesterId: caller.id };
    case "technician":
    case "sector_lead":
      return { kind: "teams", teamIds: caller.teamIds, zoneIds: caller.zoneIds, requesterId: caller.id };
    case "academy_agent":
    case "vendor_agent":
      return { kind: "teams", teamIds: caller.teamIds, zoneIds: [], requesterId: caller.id };
  }
}

export function canSeeTicket(caller: Caller, ticket: TicketScopeFacts): boolean {
  const scope = ticketScope(caller);
  // Whoever filed a ticket (a school, or the call platform on its behalf) may follow it.
  if (scope.kind === "all" || ticket.requesterId === caller.id) return true;
  if (scope.kind === "establishments") return scope.establishmentIds.includes(ticket.establishmentId);
  return (ticket.assignedTeamId !== null && scope.teamIds.includes(ticket.assignedTeamId))
    || ticket.watcherTeamIds.some((teamId) => scope.teamIds.includes(teamId))
    || scope.zoneIds.includes(ticket.zoneId);
}

/** Filing, cancelling, confirming and rating are for the school's own staff. */
export function canActAsRequester(caller: Caller, ticket: { establishmentId: string }): boolean {
  return (caller.role === "requester" || caller.role === "manager") && caller.establishmentIds.includes(ticket.establishmentId);
}

/** Internal notes are for the people who work tickets, never for the school. */
export function canSeeInternalNotes(caller: Caller): boolean {
  return caller.role !== "requester" && caller.role !== "manager";
}
