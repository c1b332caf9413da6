import type { CiListRow } from "@/db/queries/ci-list";
import { lifecycleOf } from "@/lib/domain/ci-lifecycle";

/**
 * An item as lists, pages, the API and the export show it: its stored fields with its lifecycle
 * (warranty, ownership, age, renewal) computed for `today`.
 */
export function ciView<Row extends CiListRow>(row: Row, today: string, renewalAgeYears: number) {
  const life = lifecycleOf(row, today, renewalAgeYears);
  const { warrantyEndOverride: _override, updatedAt, ...fields } = row;
  return {
    ...fields,
    warranty: { end: life.warrantyEnd, source: life.warrantySource, active: life.underWarranty },
    ownership: { transfer: life.ownershipTransfer, school: life.ownedBySchool },
    ageYears: life.ageYears,
    renewal: { candidate: life.renewalCandidate, reason: life.renewalReason },
    updatedAt: updatedAt.toISOString(),
  };
}

export type CiView = ReturnType<typeof ciView<CiListRow>>;
