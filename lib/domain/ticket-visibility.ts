import type { Caller } from "./caller";
import { can } from "./permissions";
import type { Visibility } from "./vocabulary";
import { vendorMay, vendorReadableSince, vendorStanding, type TicketAction, type VendorGrant } from "./vendor-access";

/** What a ticket exposes to the visibility rule. */
export type TicketScopeFacts = {
  establishmentId: string;
  zoneId: string;
  assignedTeamId: string | null;
  watcherTeamIds: string[];
  requesterId: string;
  /** Who took the phone call it came from: they follow it as its filer does. */
  takenById?: string | null;
  /** Its escalations to vendors (lib/domain/vendor-access.ts). */
  vendorGrants: VendorGrant[];
};

/**
 * Which tickets a caller may see: school staff their schools' tickets; the Région's staff
 * the tickets their teams hold or watch and those of their zones' schools; Académie agents the
 * tickets their teams hold or watch; vendor agents the tickets escalated to their vendor, until
 * 30 days (VENDOR_READ_DAYS) after their wait ended; the service lead and admins all of them;
 * and everyone the tickets they filed themselves, or took on the phone for a school's contact.
 */
export type TicketScope =
  | { kind: "all" }
  | { kind: "establishments"; establishmentIds: string[]; requesterId: string }
  | { kind: "teams"; teamIds: string[]; zoneIds: string[]; requesterId: string }
  /** Tickets escalated to one of `teamIds` whose wait is under way or ended after `endedAfter`. */
  | { kind: "vendor"; teamIds: string[]; endedAfter: Date; requesterId: string };

export function ticketScope(caller: Caller, now: Date): TicketScope {
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
      return { kind: "teams", teamIds: caller.teamIds, zoneIds: [], requesterId: caller.id };
    case "vendor_agent":
      return { kind: "vendor", teamIds: caller.teamIds, endedAfter: vendorReadableSince(now), requesterId: caller.id };
  }
}

export function canSeeTicket(caller: Caller, ticket: TicketScopeFacts, now: Date): boolean {
  const scope = ticketScope(caller, now);
  // Whoever filed a ticket (a school, or the call platform on its behalf) may follow it.
  if (scope.kind === "all" || ticket.requesterId === caller.id || ticket.takenById === caller.id) return true;
  if (scope.kind === "establishments") return scope.establishmentIds.includes(ticket.establishmentId);
  if (scope.kind === "vendor") return vendorStanding(scope.teamIds, ticket.vendorGrants, now).stage !== "none";
  return (
    (ticket.assignedTeamId !== null && scope.teamIds.includes(ticket.assignedTeamId)) ||
    ticket.watcherTeamIds.some((teamId) => scope.teamIds.includes(teamId)) ||
    scope.zoneIds.includes(ticket.zoneId)
  );
}

/** Filing, cancelling, confirming and rating are for the school's own staff. */
export function canActAsRequester(caller: Caller, ticket: { establishmentId: string }): boolean {
  return (caller.role === "requester" || caller.role === "manager") && caller.establishmentIds.includes(ticket.establishmentId);
}

/** Internal notes are for the people who work tickets, never for the school; a vendor reads only those shared with it. */
export function canSeeInternalNotes(caller: Caller): boolean {
  return caller.role !== "requester" && caller.role !== "manager" && caller.role !== "vendor_agent";
}

/** Which internal journal events and files the caller reads on a ticket it sees: all, none, or those shared with its vendor. */
export type InternalSight = { kind: "all" } | { kind: "none" } | { kind: "shared"; eventIds: number[]; attachmentIds: string[] };

/** Call only for a ticket the caller sees ({@link canSeeTicket}). */
export function internalSight(caller: Caller, ticket: TicketScopeFacts, now: Date): InternalSight {
  if (caller.role === "vendor_agent") {
    const standing = vendorStanding(caller.teamIds, ticket.vendorGrants, now);
    return { kind: "shared", eventIds: [...standing.sharedEventIds], attachmentIds: [...standing.sharedAttachmentIds] };
  }
  return canSeeInternalNotes(caller) ? { kind: "all" } : { kind: "none" };
}

/** A journal event within the sight: the public journal, and the internal events the sight includes. */
export function seesEvent(sight: InternalSight, event: { id: number; visibility: Visibility }): boolean {
  return event.visibility === "public" || sight.kind === "all" || (sight.kind === "shared" && sight.eventIds.includes(event.id));
}

/** A file within the sight: files of public messages, and the internal files the sight includes. */
export function seesAttachment(sight: InternalSight, file: { id: string; eventVisibility: Visibility }): boolean {
  return file.eventVisibility === "public" || sight.kind === "all" || (sight.kind === "shared" && sight.attachmentIds.includes(file.id));
}

/** What a message is: an answer to the school, an internal note, or (from a vendor, always internal) a reply to the Région's team. */
export function messageAction(
  caller: Caller,
  visibility: Visibility,
): Extract<TicketAction, "public_reply" | "internal_note" | "vendor_reply"> {
  if (visibility === "public") return "public_reply";
  return caller.role === "vendor_agent" ? "vendor_reply" : "internal_note";
}

/**
 * Whether the caller may do `action` on a ticket it sees: a vendor agent what its standing allows
 * (lib/domain/vendor-access.ts); the desk's staff everything but the vendor's own moves; anyone else
 * who sees the ticket may answer the school.
 */
export function canActOnTicket(caller: Caller, ticket: TicketScopeFacts, action: TicketAction, now: Date): boolean {
  if (caller.role === "vendor_agent") return vendorMay(vendorStanding(caller.teamIds, ticket.vendorGrants, now), action);
  if (action === "public_reply") return true;
  if (action === "hand_back" || action === "vendor_reply") return false;
  return can(caller, "tickets.work");
}
