import type { Executor } from "@/db/client";
import { computeSla, type SlaState, type SlaTimer } from "@/lib/domain/sla";
import { vendorState, type VendorSlaState } from "@/lib/domain/sla-vendor";
import { loadSlaFacts, VENDOR_CALENDAR } from "./sla-facts";

export type SlaTimerView = Pick<SlaTimer, "dueAt" | "state" | "remainingMinutes" | "metAt" | "paused">;

/** A ticket's SLA as its pages show it, computed live at `now` on the holding team's calendar. */
export type TicketSlaView = {
  /** The policy's code; null for the default policy. */
  policyCode: string | null;
  /** Null when the ticket has no commitment (hors périmètre), though a vendor's timer may run. */
  commitment: { state: SlaState; paused: boolean; pausedMinutes: number; tto: SlaTimerView; ttr: SlaTimerView } | null;
  escalationLevel: number;
  /** The latest wait for a vendor: its own repair time, reported against the vendor. */
  vendor: {
    name: string;
    since: Date;
    endedAt: Date | null;
    dueAt: Date | null;
    state: VendorSlaState | null;
    remainingMinutes: number | null;
  } | null;
};

const timerView = (timer: SlaTimer): SlaTimerView => ({
  dueAt: timer.dueAt,
  state: timer.state,
  remainingMinutes: timer.remainingMinutes,
  metAt: timer.metAt,
  paused: timer.paused,
});

/** Null for a ticket that does not exist. The caller has already checked that the reader may see it. */
export async function ticketSlaView(db: Executor, ticketId: string, now: Date): Promise<TicketSlaView | null> {
  const loaded = await loadSlaFacts(db, ticketId, now);
  if (!loaded) return null;
  const { ticket, facts, settings, commitment, vendorCommitment, vendorName, waits } = loaded;
  const status = commitment ? computeSla(settings.calendar, commitment, facts, now) : null;
  const wait = waits.at(-1);
  const vendorTimer = wait && vendorCommitment ? vendorState(VENDOR_CALENDAR, vendorCommitment, wait, now) : null;
  return {
    policyCode: ticket.policyCode,
    commitment: status && {
      state: status.state,
      paused: status.paused,
      pausedMinutes: Math.round(status.pausedMinutes),
      tto: timerView(status.tto),
      ttr: timerView(status.ttr),
    },
    escalationLevel: ticket.escalationLevel,
    vendor:
      wait && vendorName
        ? {
            name: vendorName,
            since: wait.since,
            endedAt: wait.endedAt,
            dueAt: vendorTimer?.dueAt ?? null,
            state: vendorTimer?.state ?? null,
            remainingMinutes: vendorTimer?.remainingMinutes ?? null,
          }
        : null,
  };
}
