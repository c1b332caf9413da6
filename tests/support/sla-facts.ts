/**
 * Facts and commitments for the SLA unit tests (lib/domain/sla*.test.ts).
 *
 * Every instant is written in UTC; the tests give the Paris wall-clock time in a comment beside it
 * (CET = UTC+1 in winter, CEST = UTC+2 in summer), so no expected value goes through the code under
 * test. June 2026: Monday 8 … Friday 12, Saturday 13, Monday 15 (CEST).
 */
import type { SlaFacts, SlaStatusChange } from "@/lib/domain/sla";
import type { SlaCommitment } from "@/lib/domain/sla-commitment";
import type { TicketStatus } from "@/lib/domain/vocabulary";

export const at = (iso: string) => new Date(iso);
export const iso = (date: Date | null) => (date === null ? null : date.toISOString());
/** Normalises "…Z" to "….000Z". */
export const z = (text: string) => at(text).toISOString();

export const change = (when: string, from: TicketStatus, to: TicketStatus): SlaStatusChange => ({ at: at(when), from, to });

export function ticket(
  createdAt: string,
  statusChanges: SlaStatusChange[] = [],
  extra: Partial<Record<"firstTakenAt" | "firstPublicReplyAt", string>> = {},
): SlaFacts {
  return {
    createdAt: at(createdAt),
    statusChanges,
    firstTakenAt: extra.firstTakenAt ? at(extra.firstTakenAt) : null,
    firstPublicReplyAt: extra.firstPublicReplyAt ? at(extra.firstPublicReplyAt) : null,
  };
}

export const P1: SlaCommitment = { own: 30, resolve: 240 };
export const P2: SlaCommitment = { own: 120, resolve: 600 };
export const P4: SlaCommitment = { own: 600, resolve: 6000 };
