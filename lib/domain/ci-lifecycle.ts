import type { CiClass, CiStatus, Funding } from "./vocabulary";

/**
 * The life of a configuration item, computed from its dates (domain README, seed 003):
 * Région-funded desktops carry a 5-year warranty, laptops 3 years, from delivery; ownership passes
 * to the school 5 years after delivery; an item is a renewal candidate when it is obsolete, or when
 * it is out of warranty and older than the renewal age. Dates are ISO days; `today` is an argument.
 * db/queries/ci-list.ts turns the same table into SQL, so lists filter on exactly these rules.
 */

/** Warranty of Région-funded equipment, in years from delivery. Other classes and own-funds purchases: none unless entered. */
export const REGION_WARRANTY_YEARS: Partial<Record<CiClass, number>> = { pc: 5, laptop: 3 };
/** Région-funded equipment becomes the school's property this long after delivery. */
export const OWNERSHIP_TRANSFER_YEARS = 5;
/** The age from which equipment out of warranty is proposed for renewal, unless the reader asks for another. */
export const DEFAULT_RENEWAL_AGE_YEARS = 6;
export const RENEWAL_AGE_RANGE = { min: 1, max: 20 } as const;

export type LifecycleFacts = {
  class: CiClass;
  funding: Funding;
  status: CiStatus;
  purchaseDate: string | null;
  deliveryDate: string | null;
  /** Entered by hand (an extended warranty, a vendor's own terms); wins over the rule. */
  warrantyEndOverride: string | null;
};

export type Lifecycle = {
  /** The day the clock starts: delivery, else purchase when the delivery was not recorded. */
  startDate: string | null;
  warrantyEnd: string | null;
  warrantySource: "override" | "rule" | null;
  /** null when no warranty is known. */
  underWarranty: boolean | null;
  /** The day Région-funded equipment becomes the school's; null for own-funds purchases (already the school's) or no date. */
  ownershipTransfer: string | null;
  ownedBySchool: boolean;
  /** Whole years since the start date. */
  ageYears: number | null;
  renewalCandidate: boolean;
  renewalReason: "obsolete" | "aged" | null;
};

/** `day` plus `years`, as PostgreSQL's `date + interval 'n years'` does it: 29 February becomes 28 February. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

export function startDateOf(facts: Pick<LifecycleFacts, "purchaseDate" | "deliveryDate">): string | null {
  return facts.deliveryDate ?? facts.purchaseDate;
}

export function warrantyEndOf(facts: LifecycleFacts): { date: string | null; source: Lifecycle["warrantySource"] } {
  if (facts.warrantyEndOverride) return { date: facts.warrantyEndOverride, source: "override" };
  const years = facts.funding === "region" ? REGION_WARRANTY_YEARS[facts.class] : undefined;
  const start = startDateOf(facts);
  return years !== undefined && start ? { date: addYears(start, years), source: "rule" } : { date: null, source: null };
}

/** Whole years from `start` to `today` (a birthday rule: 2019-09-16 is 5 on 2024-09-16). */
export function wholeYears(start: string, today: string): number {
  let years = Number(today.slice(0, 4)) - Number(start.slice(0, 4));
  if (addYears(start, years) > today) years -= 1;
  return years;
}

export function lifecycleOf(facts: LifecycleFacts, today: string, renewalAgeYears = DEFAULT_RENEWAL_AGE_YEARS): Lifecycle {
  const startDate = startDateOf(facts);
  const warranty = warrantyEndOf(facts);
  const underWarranty = warranty.date === null ? null : warranty.date >= today;
  const ownershipTransfer = facts.funding === "region" && startDate ? addYears(startDate, OWNERSHIP_TRANSFER_YEARS) : null;
  const ownedBySchool = facts.funding === "own_funds" || (ownershipTransfer !== null && ownershipTransfer <= today);
  const ageYears = startDate ? wholeYears(startDate, today) : null;
  const aged = underWarranty !== true && startDate !== null && addYears(startDate, renewalAgeYears) <= today;
  const renewalReason = facts.status === "disposed" ? null : facts.status === "obsolete" ? "obsolete" : aged ? "aged" : null;
  return {
    startDate,
    warrantyEnd: warranty.date,
    warrantySource: warranty.source,
    underWarranty,
    ownershipTransfer,
    ownedBySchool,
    ageYears,
    renewalCandidate: renewalReason !== null,
    renewalReason,
  };
}
