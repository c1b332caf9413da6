import type { Executor } from "@/db/client";
import { firstPublicReplyAt, statusEvents, ticketCiRooms, ticketSlaRow } from "@/db/queries/ticket-sla";
import { declaredRooms } from "@/db/queries/establishments";
import { slaStartAfterApproval } from "@/lib/domain/approvals";
import { DEFAULT_CALENDAR } from "@/lib/domain/business-calendar";
import { ticketSupportMode } from "@/lib/domain/room-support-mode";
import type { SlaFacts, SlaStatusChange } from "@/lib/domain/sla";
import { commitmentFor, DEFAULT_SLA_TARGETS, type SlaCommitment } from "@/lib/domain/sla-commitment";
import { vendorWaits, type VendorCommitment, type VendorWait } from "@/lib/domain/sla-vendor";
import type { SupportMode, TicketStatus } from "@/lib/domain/vocabulary";
import { teamSlaSettings, type TeamSlaSettings } from "./team-calendar";

/** Vendors keep office hours, not the Région's closures: their timers run on the default calendar. */
export const VENDOR_CALENDAR = DEFAULT_CALENDAR;

export type TicketSlaFacts = {
  ticket: {
    id: string;
    status: TicketStatus;
    assignedTeamId: string | null;
    assigneeId: string | null;
    vendorId: string | null;
    ownBy: Date | null;
    resolveBy: Date | null;
    slaVersion: number;
    slaAlarms: { key: string; fireAt: string }[];
    escalationLevel: number;
    policyCode: string | null;
  };
  facts: SlaFacts;
  settings: TeamSlaSettings;
  /** Null when the ticket has no commitment (hors périmètre, other than hardware incidents; waiting for approval, or refused). */
  commitment: SlaCommitment | null;
  /** The vendor's repair time, when the ticket is with a vendor that has one. */
  vendorCommitment: VendorCommitment | null;
  vendorName: string | null;
  /** Every stretch spent waiting for a vendor, the last one possibly under way. */
  waits: VendorWait[];
};

/** A ticket's row as its SLA reads it (`ticketSlaRow`), or as a filing is about to write it. */
export type SlaRow = NonNullable<Awaited<ReturnType<typeof ticketSlaRow>>>;

/** What the journal says of a ticket's SLA, and where its equipment stands; a ticket being filed has none of it yet. */
export type SlaHistory = {
  firstPublicReplyAt: Date | null;
  statusEvents: Awaited<ReturnType<typeof statusEvents>>;
  /** The rooms of its linked equipment, read only when the school declares rooms. */
  ciRooms: () => Promise<(string | null)[]>;
};

/** The ticket's support mode: its school's, or that of the declared room its equipment stands in (lib/domain/room-support-mode.ts). */
async function supportModeOf(
  tx: Executor,
  establishmentId: string,
  schoolMode: SupportMode,
  ciRooms: SlaHistory["ciRooms"],
): Promise<SupportMode> {
  const declared = await declaredRooms(tx, establishmentId);
  if (declared.length === 0) return schoolMode;
  return ticketSupportMode(schoolMode, await ciRooms(), declared);
}

/**
 * Everything a ticket's SLA depends on, read in the caller's transaction. `takenAt` is recorded
 * the first time the ticket has an assignee while in progress (at `now`, by the change that made
 * it so); the first public reply by someone other than the requester is read from the journal.
 */
export async function loadSlaFacts(tx: Executor, ticketId: string, now: Date): Promise<TicketSlaFacts | null> {
  const row = await ticketSlaRow(tx, ticketId);
  if (!row) return null;
  return slaFactsOf(
    tx,
    row,
    {
      firstPublicReplyAt: row.firstPublicReplyAt ?? (await firstPublicReplyAt(tx, ticketId, row.requesterId)),
      statusEvents: await statusEvents(tx, ticketId),
      ciRooms: () => ticketCiRooms(tx, ticketId),
    },
    now,
  );
}

/**
 * The SLA facts of a ticket's row and history; reads only the school's declared rooms and the team's calendar (unless
 * `settings`, the team's calendar already worked out, is given).
 */
export async function slaFactsOf(
  tx: Executor,
  row: SlaRow,
  history: SlaHistory,
  now: Date,
  settings?: TeamSlaSettings,
): Promise<TicketSlaFacts> {
  const firstTakenAt = row.takenAt ?? (row.assigneeId !== null && row.status === "in_progress" ? now : null);
  const replyAt = history.firstPublicReplyAt;
  // A duplicate closes through its "merged" event (data {from, to}): its master carries the commitment, so for
  // the SLA the duplicate was withdrawn (cancelled), neither resolved on time nor missed unless already late.
  const statusChanges: SlaStatusChange[] = history.statusEvents.map((event) => ({
    at: event.at,
    from: event.data.from as TicketStatus,
    to: event.kind === "merged" ? "cancelled" : (event.data.to as TicketStatus),
  }));
  // A ticket filed for approval has no clock while it waits, none if refused, and its clocks start at the approval.
  const clocks = slaStartAfterApproval(row.createdAt, row.status, statusChanges);
  const facts: SlaFacts = {
    createdAt: clocks?.createdAt ?? row.createdAt,
    statusChanges: clocks?.statusChanges ?? statusChanges,
    firstTakenAt,
    firstPublicReplyAt: replyAt,
  };

  const [supportMode, teamSettings] = await Promise.all([
    clocks ? supportModeOf(tx, row.establishmentId, row.supportMode, history.ciRooms) : null,
    settings ?? teamSlaSettings(tx, row.assignedTeamId, now),
  ]);
  const commitment =
    clocks &&
    commitmentFor({
      targets: row.targets ?? DEFAULT_SLA_TARGETS,
      priority: row.priority,
      supportMode: supportMode!,
      category: { type: row.type, hardware: row.hardware },
    });
  return {
    ticket: {
      id: row.id,
      status: row.status,
      assignedTeamId: row.assignedTeamId,
      assigneeId: row.assigneeId,
      vendorId: row.vendorId,
      ownBy: row.ownBy,
      resolveBy: row.resolveBy,
      slaVersion: row.slaVersion,
      slaAlarms: row.slaAlarms,
      escalationLevel: row.escalationLevel,
      policyCode: row.policyCode,
    },
    facts,
    settings: teamSettings,
    commitment,
    vendorCommitment: row.vendorCommitment,
    vendorName: row.vendorName,
    waits: vendorWaits(facts, now),
  };
}
