import type { Executor } from "@/db/client";
import { firstPublicRepliesAt, slaRowsOf, statusEventsOf, ticketCiRooms, type StatusEvent } from "@/db/queries/ticket-sla";
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

/** A ticket's row as its SLA reads it (`slaRowsOf`), or as a filing is about to write it. */
export type SlaRow = Awaited<ReturnType<typeof slaRowsOf>>[number];

type DeclaredRooms = Awaited<ReturnType<typeof declaredRooms>>;

/** What the journal says of a ticket's SLA, and where its equipment stands; a ticket being filed has none of it yet. */
export type SlaHistory = {
  firstPublicReplyAt: Date | null;
  statusEvents: StatusEvent[];
  /** The rooms of its linked equipment, read only when the school declares rooms. */
  ciRooms: () => Promise<(string | null)[]>;
  /** Its school's declared rooms, when already read (tickets of one school checked together); else read here. */
  declaredRooms?: DeclaredRooms;
};

/** The ticket's support mode: its school's, or that of the declared room its equipment stands in (lib/domain/room-support-mode.ts). */
async function supportModeOf(tx: Executor, row: SlaRow, history: SlaHistory): Promise<SupportMode> {
  const declared = history.declaredRooms ?? (await declaredRooms(tx, row.establishmentId));
  if (declared.length === 0) return row.supportMode;
  return ticketSupportMode(row.supportMode, await history.ciRooms(), declared);
}

/**
 * Everything a ticket's SLA depends on, read in the caller's transaction. `takenAt` is recorded
 * the first time the ticket has an assignee while in progress (at `now`, by the change that made
 * it so); the first public reply by someone other than the requester is read from the journal.
 */
export async function loadSlaFacts(tx: Executor, ticketId: string, now: Date): Promise<TicketSlaFacts | null> {
  return (await loadManySlaFacts(tx, [ticketId], now))[0] ?? null;
}

/**
 * `loadSlaFacts` for several tickets, in a few set-based reads: their rows, first replies and status histories in one
 * statement each, then each team's calendar and each school's declared rooms once. Tickets that do not exist are left out.
 */
export async function loadManySlaFacts(tx: Executor, ticketIds: readonly string[], now: Date): Promise<TicketSlaFacts[]> {
  const rows = await slaRowsOf(tx, ticketIds);
  if (rows.length === 0) return [];
  const replies = await firstPublicRepliesAt(
    tx,
    rows.filter((row) => row.firstPublicReplyAt === null).map((row) => row.id),
  );
  const events = await statusEventsOf(
    tx,
    rows.map((row) => row.id),
  );
  const settings = new Map<string | null, TeamSlaSettings>();
  const rooms = new Map<string, DeclaredRooms>();
  const loaded: TicketSlaFacts[] = [];
  for (const row of rows) {
    const team = settings.get(row.assignedTeamId) ?? (await teamSlaSettings(tx, row.assignedTeamId, now));
    settings.set(row.assignedTeamId, team);
    const declared = rooms.get(row.establishmentId) ?? (await declaredRooms(tx, row.establishmentId));
    rooms.set(row.establishmentId, declared);
    const history: SlaHistory = {
      firstPublicReplyAt: row.firstPublicReplyAt ?? replies.get(row.id) ?? null,
      statusEvents: events.get(row.id) ?? [],
      ciRooms: () => ticketCiRooms(tx, row.id),
      declaredRooms: declared,
    };
    loaded.push(await slaFactsOf(tx, row, history, now, team));
  }
  return loaded;
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

  // One query at a time: a transaction's client runs its statements in turn (pg 9 refuses a query while one runs).
  const supportMode = clocks ? await supportModeOf(tx, row, history) : null;
  const teamSettings = settings ?? (await teamSlaSettings(tx, row.assignedTeamId, now));
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
