import type { Caller } from "./caller";
import { can } from "./permissions";

/** The school a call is about: its zone decides which technicians may take it. */
export type CallSchool = { id: string; zoneId: string };

/** Who the caller names as the requester: an account and the schools it belongs to. */
export type CallContact = { id: string; role: string; disabled: boolean; establishmentIds: string[] };

/**
 * "Nouvel appel": who may file a ticket for a school on behalf of one of its contacts. Only staff who work that
 * school's tickets: the service lead and admins everywhere, the Académie's call platform for every school, the
 * Région's technicians and sector leads for the schools of the zones they cover. Never school staff (they file
 * for themselves) nor vendors.
 */
export function canTakeCallFor(caller: Pick<Caller, "role" | "zoneIds">, school: CallSchool): boolean {
  if (!can(caller, "tickets.work") || !can(caller, "tickets.file_any")) return false;
  switch (caller.role) {
    case "technician":
    case "sector_lead":
      return caller.zoneIds.includes(school.zoneId);
    default:
      return true;
  }
}

/** Whether the desk may take calls at all (the "Nouvel appel" action is shown). */
export function takesCalls(caller: Pick<Caller, "role">): boolean {
  return can(caller, "tickets.work") && can(caller, "tickets.file_any");
}

/** A contact of the school: one of its own active staff accounts (a requester or its head). */
export function isContactOf(contact: CallContact, schoolId: string): boolean {
  return !contact.disabled && (contact.role === "requester" || contact.role === "manager") && contact.establishmentIds.includes(schoolId);
}
