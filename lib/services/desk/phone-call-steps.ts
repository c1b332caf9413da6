import { database } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import { searchSchoolContacts, searchSchools } from "@/db/queries/phone-contacts";
import type { Caller } from "@/lib/domain/caller";
import { canTakeCallFor, takesCalls } from "@/lib/domain/phone-calls";

/** What "Nouvel appel" reads, each step scoped to the schools the caller takes calls for (lib/domain/phone-calls.ts). */

/** Step 1: the schools matching the words, among those the caller takes calls for. */
export async function callSchools(caller: Caller, q: string) {
  if (!takesCalls(caller) || q.trim().length < 2) return [];
  const zoned = caller.role === "technician" || caller.role === "sector_lead";
  return searchSchools(database(), q, zoned ? caller.zoneIds : null);
}

/** The school of the call, or null when there is none or the caller does not take its calls. */
export async function callSchool(caller: Caller, uai: string) {
  const school = await establishmentByUai(database(), uai.trim().toUpperCase());
  return school && canTakeCallFor(caller, school) ? school : null;
}

/** Step 2: the school's contacts matching the words (all of them without words). Call with a school from {@link callSchool}. */
export function callContacts(school: { id: string }, q: string | undefined) {
  return searchSchoolContacts(database(), school.id, { q });
}

/** The chosen contact, or null when it is not one of the school's. Call with a school from {@link callSchool}. */
export async function chosenContact(school: { id: string }, contactId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return null;
  // The same rule as the filing's: an active requester or head attached to the school.
  const [contact] = await searchSchoolContacts(database(), school.id, { id: contactId });
  return contact ?? null;
}
