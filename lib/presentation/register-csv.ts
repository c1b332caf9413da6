import type { Translate } from "@/i18n/text";
import { parisDay } from "@/lib/domain/business-calendar";
import type { DelegationReviewReason, FilteringDecision, RegisterState } from "@/lib/domain/registers";

type Approval = {
  approvedAt: Date;
  approvedBy: { name: string } | null;
  ticketReference: string;
  startsOn: string;
  endsOn: string;
  state: RegisterState;
};
type School = { school: { uai: string; name: string } };

/** The filtering exceptions register as CSV rows (header first), in the reader's words; days as YYYY-MM-DD. */
export function filteringCsvRows(
  entries: readonly (School & Approval & { url: string; decision: FilteringDecision; removalTicketReference: string | null })[],
  t: Translate,
): string[][] {
  const header = ["uai", "school", "url", "decision", "from", "to", "state", "approvedBy", "approvedAt", "ticket", "removal"];
  return [
    header.map((key) => t(`registers.csv.${key}`)),
    ...entries.map((entry) => [
      entry.school.uai,
      entry.school.name,
      entry.url,
      t(`registers.decisions.${entry.decision}`),
      entry.startsOn,
      entry.endsOn,
      t(`registers.states.${entry.state}`),
      entry.approvedBy?.name ?? "",
      parisDay(entry.approvedAt),
      entry.ticketReference,
      entry.removalTicketReference ?? "",
    ]),
  ];
}

/** The delegations register as CSV rows (header first). */
export function delegationCsvRows(
  entries: readonly (School &
    Approval & { delegate: { name: string }; scope: string; actions: string; needsReview: DelegationReviewReason | null })[],
  t: Translate,
): string[][] {
  const header = ["uai", "school", "person", "scope", "actions", "from", "to", "state", "review", "approvedBy", "approvedAt", "ticket"];
  return [
    header.map((key) => t(`registers.csv.${key}`)),
    ...entries.map((entry) => [
      entry.school.uai,
      entry.school.name,
      entry.delegate.name,
      entry.scope,
      entry.actions,
      entry.startsOn,
      entry.endsOn,
      t(`registers.states.${entry.state}`),
      entry.needsReview ? t(`registers.reviewReasons.${entry.needsReview}`) : "",
      entry.approvedBy?.name ?? "",
      parisDay(entry.approvedAt),
      entry.ticketReference,
    ]),
  ];
}
