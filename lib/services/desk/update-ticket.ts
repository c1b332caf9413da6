import { database } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { canActOnTicket, canSeeTicket } from "@/lib/domain/ticket-visibility";
import type { TicketAction } from "@/lib/domain/vendor-access";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { fail, succeed } from "../service-result";
import { escalate, type Escalation } from "./escalate";
import { linkTickets, mergeInto } from "./merge-and-link";
import { groupUnderMajorIncident } from "./major-incident";
import {
  linkCis,
  requalify,
  requalifiedFacts,
  setAssignee,
  setStatus,
  setTeam,
  setVendorReference,
  takeTicket,
  type Requalification,
} from "./ticket-operations";
import { handBack } from "./hand-back";
import { Refusal } from "../refusal";
import { deskAction, lockWorkable, lockWorkablePair } from "./workable-ticket";

/** What one PATCH may change, applied in this order: re-qualification, team, assignee, equipment, vendor's reference, status. */
export type TicketPatch = {
  requalify?: Requalification;
  team?: string;
  /** A user id, "me" to take the ticket, or null to unassign. */
  assignee?: string | null;
  ciIds?: string[];
  /** The vendor's own reference for the ticket; empty clears it. */
  vendorReference?: string;
  status?: TicketStatus;
  /** Goes with the status change (the question, the resolution). */
  message?: string;
};

/** The actions a patch amounts to, each checked against the caller's standing on the ticket. */
function patchActions(patch: Omit<TicketPatch, "message">): TicketAction[] {
  const actions: [unknown, TicketAction][] = [
    [patch.requalify, "requalify"],
    [patch.team, "transfer"],
    [patch.assignee, "assign"],
    [patch.ciIds, "link_equipment"],
    [patch.vendorReference, "set_vendor_reference"],
    [patch.status, "change_status"],
  ];
  return actions.filter(([value]) => value !== undefined).map(([, action]) => action);
}

/** Every change of one request in one transaction: if any is refused (e.g. a forbidden status move), none is kept. */
export function updateTicket(caller: Caller, reference: string, patch: TicketPatch, now: Date) {
  return deskAction(caller, now, async (context) => {
    const ticket = await lockWorkable(context, reference, patchActions(patch));
    if (patch.requalify) await requalify(context, ticket, patch.requalify);
    if (patch.team) await setTeam(context, ticket, patch.team);
    if (patch.assignee === "me") await takeTicket(context, ticket);
    else if (patch.assignee !== undefined) await setAssignee(context, ticket, patch.assignee);
    if (patch.ciIds) await linkCis(context, ticket, patch.ciIds);
    if (patch.vendorReference !== undefined) await setVendorReference(context, ticket, patch.vendorReference);
    if (patch.status) await setStatus(context, ticket, patch.status, patch.message);
    return { reference: ticket.reference };
  });
}

export function escalateTicket(caller: Caller, reference: string, escalation: Escalation, now: Date) {
  return deskAction(caller, now, async (context) => escalate(context, await lockWorkable(context, reference, ["escalate"]), escalation));
}

/** The vendor hands the ticket back with its report: its wait ends, the Région's team resolves. */
export function handBackTicket(caller: Caller, reference: string, report: string, now: Date) {
  return deskAction(caller, now, async (context) => {
    const ticket = await lockWorkable(context, reference, ["hand_back"]);
    await handBack(context, ticket, report);
    return { reference: ticket.reference };
  });
}

export function linkRelated(caller: Caller, reference: string, relatedReference: string, now: Date) {
  return deskAction(caller, now, async (context) =>
    linkTickets(context, ...(await lockWorkablePair(context, reference, relatedReference, "link"))),
  );
}

/**
 * "Rattacher à l'incident majeur", from a ticket's page or on a selection: the tickets will be resolved with the major
 * incident behind an announced outage. All or nothing.
 */
export function groupUnderMajor(caller: Caller, references: string[], majorReference: string, now: Date) {
  return deskAction(caller, now, async (context) => {
    for (const reference of [...new Set(references)].sort())
      await groupUnderMajorIncident(context, ...(await lockWorkablePair(context, reference, majorReference, "link")));
    return { count: new Set(references).size };
  });
}

export function mergeDuplicate(caller: Caller, duplicateReference: string, masterReference: string, reason: string, now: Date) {
  return deskAction(caller, now, async (context) => {
    const [duplicate, master] = await lockWorkablePair(context, duplicateReference, masterReference, "merge");
    return mergeInto(context, duplicate, master, reason);
  });
}

/** The same change on a selection, all or nothing. */
export function bulkUpdate(
  caller: Caller,
  references: string[],
  patch: Pick<TicketPatch, "assignee" | "team" | "status" | "message">,
  now: Date,
) {
  return deskAction(caller, now, async (context) => {
    for (const reference of [...new Set(references)].sort()) {
      const ticket = await lockWorkable(context, reference, patchActions(patch));
      if (patch.team) await setTeam(context, ticket, patch.team);
      if (patch.assignee === "me") await takeTicket(context, ticket);
      else if (patch.assignee !== undefined) await setAssignee(context, ticket, patch.assignee);
      if (patch.status) await setStatus(context, ticket, patch.status, patch.message);
    }
    return { count: new Set(references).size };
  });
}

/** What routing would decide after a re-qualification, before anything is applied. */
export async function previewRequalification(caller: Caller, reference: string, changes: Requalification) {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  const now = new Date();
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  if (!can(caller, "desk.use") || !canActOnTicket(caller, facts, "requalify", now))
    return fail({ kind: "forbidden", message: "desk.errors.staffOnly" });
  try {
    const { after, priority, decision } = await requalifiedFacts({ tx: db }, facts.id, changes);
    return succeed({ after, priority: decision.priority ?? priority, decision });
  } catch (error) {
    if (error instanceof Refusal) return fail(error.failure);
    throw error;
  }
}
