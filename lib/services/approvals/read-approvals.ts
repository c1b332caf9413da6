import { database } from "@/db/client";
import { approvalSchool, approverFacts, delegatedSchoolsOf, ticketsAwaitingDecision } from "@/db/queries/approvals";
import { decidesPendingLevel, HEAD_FUNCTION, SECRETARY_GENERAL_FUNCTION, approverKindsOf } from "@/lib/domain/approvals";
import type { Caller } from "@/lib/domain/caller";
import { readTicket } from "../tickets/read-ticket";

/** The approval page of a ticket the caller sees: the ticket, and whether the caller decides its pending level now; null when hidden. */
export async function readApproval(caller: Caller, reference: string, now: Date) {
  const found = await readTicket(caller, reference, now);
  if (!found) return null;
  const db = database();
  const [person, school] = await Promise.all([approverFacts(db, caller.id), approvalSchool(db, found.ticket.establishment.id)]);
  const kinds = person && school ? approverKindsOf(person, school) : [];
  const decides = found.ticket.status === "awaiting_approval" && decidesPendingLevel(kinds, found.ticket.approvals);
  return { ...found, decides };
}

/** How many tickets the home's "À valider" lists; the rest are reached as each is decided. */
const HOME_LIST = 20;

/** The tickets waiting for the caller's decision (the home's "À valider"): as head or delegate, secrétaire général, sector lead. */
export async function ticketsToApprove(caller: Caller) {
  const db = database();
  const person = await approverFacts(db, caller.id);
  if (!person) return [];
  const delegated = await delegatedSchoolsOf(db, caller.id);
  const ownSchools = person.establishmentIds;
  return ticketsAwaitingDecision(
    db,
    {
      headSchoolIds: [
        ...new Set([...(person.functionCode === HEAD_FUNCTION ? ownSchools : []), ...delegated.filter((id) => ownSchools.includes(id))]),
      ],
      secretarySchoolIds: person.functionCode === SECRETARY_GENERAL_FUNCTION ? [...ownSchools] : [],
      sectorZoneId: person.role === "sector_lead" ? person.zoneId : null,
    },
    HOME_LIST,
  );
}
