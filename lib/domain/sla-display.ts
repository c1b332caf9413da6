/**
 * How a ticket's SLA reads in lists and on its page: one badge per row from the stored columns
 * (no recomputation per row), the next deadline a technician has to meet, the word for each
 * commitment's state, the share of commitments met, the business time left. Pure.
 */
import type { Translate } from "@/i18n/text";
import { formatBusinessDuration } from "./business-calendar";
import type { SlaState, SlaTimerState } from "./sla";
import type { VendorCommitment, VendorSlaState } from "./sla-vendor";
import { OPEN_STATUSES } from "./ticket-status";
import { ROLES, type Role, type TicketStatus } from "./vocabulary";

/**
 * - `ok`, `at_risk`, `breached`: an open ticket, by its stored state;
 * - `paused`: waiting for the requester (the clocks stand still), unless already breached;
 * - `met` / `missed`: a closed ticket, whether its time to resolve was kept;
 * - `none`: no commitment (hors périmètre), or cancelled in time.
 */
export type SlaBadge = "ok" | "at_risk" | "breached" | "paused" | "met" | "missed" | "none";

/** The stored SLA columns of a ticket, as lists read them. */
export type StoredSla = {
  readonly status: TicketStatus;
  readonly slaState: SlaState | null;
  readonly ownBy: Date | null;
  readonly resolveBy: Date | null;
  readonly ownMet: boolean | null;
  readonly resolveMet: boolean | null;
};

const isOpen = (status: TicketStatus) => OPEN_STATUSES.includes(status);

export function slaBadge(row: StoredSla): SlaBadge {
  if (!isOpen(row.status)) return row.resolveMet === true ? "met" : row.resolveMet === false ? "missed" : "none";
  if (row.slaState === null) return "none";
  if (row.slaState === "breached") return "breached";
  if (row.status === "waiting_requester") return "paused";
  return row.slaState;
}

/**
 * The deadline that comes next on an open ticket: to own it while nobody has, then to resolve it.
 * Null on a closed ticket or one without commitment.
 */
export function nextDeadline(row: StoredSla): { timer: "tto" | "ttr"; dueAt: Date } | null {
  if (!isOpen(row.status)) return null;
  if (row.ownMet === null && row.ownBy !== null && (row.resolveBy === null || row.ownBy <= row.resolveBy))
    return { timer: "tto", dueAt: row.ownBy };
  if (row.resolveMet === null && row.resolveBy !== null) return { timer: "ttr", dueAt: row.resolveBy };
  return null;
}

/** One commitment on the ticket page: `late` is a commitment met after its deadline. */
export type TimerBadge = "ok" | "at_risk" | "breached" | "paused" | "met" | "late" | "cancelled";

export function timerBadge(timer: { readonly state: SlaTimerState; readonly paused: boolean; readonly metAt: Date | null }): TimerBadge {
  if (timer.state === "breached") return timer.metAt ? "late" : "breached";
  if (timer.state === "met" || timer.state === "cancelled") return timer.state;
  return timer.paused ? "paused" : timer.state;
}

/** A vendor's timer: `none` when no repair time is agreed with it. */
export type VendorBadge = VendorSlaState | "late" | "none";

export function vendorBadge(vendor: { readonly state: VendorSlaState | null; readonly endedAt: Date | null }): VendorBadge {
  if (vendor.state === null) return "none";
  return vendor.state === "breached" && vendor.endedAt ? "late" : vendor.state;
}

/** Share of commitments met, between 0 and 1; null when none stopped (nothing to measure). */
export function complianceRate(met: number, total: number): number | null {
  if (!Number.isFinite(met) || !Number.isFinite(total) || met < 0 || met > total) {
    throw new RangeError(`Expected 0 ≤ met ≤ total, got ${met} of ${total}`);
  }
  return total === 0 ? null : met / total;
}

/** A vendor's repair time as an admin picks it: none, next business day, or a number of business hours. */
export type RepairTimeChoice =
  { readonly mode: "none" } | { readonly mode: "next_business_day" } | { readonly mode: "hours"; readonly hours: number };

export function repairTimeChoice(commitment: VendorCommitment | null): RepairTimeChoice {
  if (commitment === null) return { mode: "none" };
  if ("nextBusinessDay" in commitment) return { mode: "next_business_day" };
  return { mode: "hours", hours: commitment.businessMinutes / 60 };
}

export function repairCommitment(choice: RepairTimeChoice): VendorCommitment | null {
  switch (choice.mode) {
    case "none":
      return null;
    case "next_business_day":
      return { nextBusinessDay: true };
    case "hours":
      return { businessMinutes: Math.round(choice.hours * 60) };
  }
}

/** Who the latest SLA escalation in a ticket's journal called (the worker records `escalated` events with target "sla"); null when none. */
export function latestEscalationRole(journal: readonly { readonly kind: string; readonly data: Record<string, unknown> }[]): Role | null {
  const event = journal.findLast((entry) => entry.kind === "escalated" && entry.data.target === "sla");
  const role = event?.data.role;
  return typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/**
 * Remaining business time in the words of `t`: in French "reste 2 h 30 ouvrées", "dépassé de
 * 45 min ouvrées", and "échéance atteinte" when less than a whole minute has passed since the
 * deadline. Time left is rounded up and lateness down, so the text never says "reste 0 min" before
 * the deadline nor "dépassé de 0 min" after it.
 */
export function formatRemaining(minutes: number, t: Translate): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`Expected a number of minutes, got ${minutes}`);
  if (minutes > 0) return t("sla.remaining.left", { duration: formatBusinessDuration(Math.ceil(minutes), t) });
  const late = Math.floor(-minutes);
  return late >= 1 ? t("sla.remaining.late", { duration: formatBusinessDuration(late, t) }) : t("sla.remaining.due");
}
