/**
 * A vendor's access to a ticket escalated to it (one grant per escalation): while the ticket waits for
 * the vendor, it works on it within narrow limits; once the wait ends (handed back, or moved on by the
 * Région's team), it may only read; {@link VENDOR_READ_DAYS} days later it no longer sees the ticket.
 */
export type VendorGrant = {
  /** The vendor's queue the ticket was escalated to. */
  teamId: string;
  /** When the vendor's wait ended; null while the ticket waits for it. */
  endedAt: Date | null;
  /** Internal journal events the vendor may read: the notes the technician shared, the escalation, its own replies and report. */
  sharedEventIds: readonly number[];
  /** Files of internal notes the technician shared. */
  sharedAttachmentIds: readonly string[];
};

export const VENDOR_READ_DAYS = 30;

const DAY_MS = 86_400_000;

/** The oldest end of a wait whose ticket the vendor still reads at `now`. */
export function vendorReadableSince(now: Date): Date {
  return new Date(now.getTime() - VENDOR_READ_DAYS * DAY_MS);
}

export type VendorStage = "working" | "read_only" | "none";

export type VendorStanding = {
  stage: VendorStage;
  sharedEventIds: ReadonlySet<number>;
  sharedAttachmentIds: ReadonlySet<string>;
};

/** Where a vendor agent (member of `teamIds`) stands on a ticket, given the ticket's grants, at `now`. */
export function vendorStanding(teamIds: readonly string[], grants: readonly VendorGrant[], now: Date): VendorStanding {
  const since = vendorReadableSince(now).getTime();
  const readable = grants.filter((grant) => teamIds.includes(grant.teamId) && (grant.endedAt === null || grant.endedAt.getTime() > since));
  const stage: VendorStage = readable.some((grant) => grant.endedAt === null) ? "working" : readable.length ? "read_only" : "none";
  return {
    stage,
    sharedEventIds: new Set(readable.flatMap((grant) => grant.sharedEventIds)),
    sharedAttachmentIds: new Set(readable.flatMap((grant) => grant.sharedAttachmentIds)),
  };
}

/**
 * What may be done on a ticket, beyond reading it. The desk's staff may do all but hand back (the
 * vendor's own move); school staff use their portal's actions instead.
 */
export const TICKET_ACTIONS = [
  "public_reply",
  "internal_note",
  "vendor_reply",
  "set_vendor_reference",
  "hand_back",
  "requalify",
  "change_status",
  "transfer",
  "assign",
  "link_equipment",
  "escalate",
  "link",
  "merge",
  "record_intervention",
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/**
 * A vendor replies to the Région's team (never to the school), keeps its own reference, records its
 * interventions and hands the ticket back: nothing else.
 */
const VENDOR_ACTIONS: Record<VendorStage, readonly TicketAction[]> = {
  working: ["vendor_reply", "set_vendor_reference", "record_intervention", "hand_back"],
  read_only: [],
  none: [],
};

export function vendorMay(standing: VendorStanding, action: TicketAction): boolean {
  return VENDOR_ACTIONS[standing.stage].includes(action);
}
