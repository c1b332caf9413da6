/**
 * A vendor's own timer: its repair time (business minutes or "next business day"), its deadline on
 * the vendor's calendar, and its state over each stretch the ticket waits for it. It runs beside the
 * ticket's own commitments, which keep running. Pure.
 */
import { DateTime } from "luxon";
import { addBusinessMinutes, type BusinessCalendar, nextOpening } from "./business-calendar";
import { addBusinessMs, businessMs, MINUTE_MS, type SlaFacts, timelineOf, timeOf } from "./sla";
import { AT_RISK_PERCENT } from "./sla-commitment";

/**
 * A vendor's own repair time: a number of business minutes, or "next business day" (warranty
 * repairs): by the closing of the first business day after the day the ticket was handed over.
 */
export type VendorCommitment = { readonly businessMinutes: number } | { readonly nextBusinessDay: true };

/**
 * The vendor's deadline for a ticket handed over at `since`, on the vendor's calendar.
 * `nextBusinessDay` counts from the local date of `since`, whatever the hour: handed over on a
 * Monday at 06:00, 10:00 or 19:00 → Tuesday at closing; on a Friday → Monday at closing (or
 * Tuesday when Monday is a holiday); on a Saturday → Monday at closing.
 */
export function vendorDeadline(calendar: BusinessCalendar, commitment: VendorCommitment, since: Date): Date {
  const start = timeOf(since, "since");
  if ("businessMinutes" in commitment) {
    const minutes = commitment.businessMinutes;
    if (!Number.isSafeInteger(minutes) || minutes <= 0) {
      throw new RangeError(`A vendor's repair time must be a positive whole number of business minutes, got ${minutes}`);
    }
    return addBusinessMinutes(calendar, since, minutes);
  }
  const zone = calendar.timeZone;
  const nextDay = DateTime.fromMillis(start, { zone }).startOf("day").plus({ days: 1 });
  const opening = nextOpening(calendar, nextDay.toJSDate()).getTime();
  const dayAfter = DateTime.fromMillis(opening, { zone }).startOf("day").plus({ days: 1 }).toMillis();
  return new Date(addBusinessMs(calendar, opening, businessMs(calendar, opening, dayAfter)));
}

/** One stretch of a ticket waiting for a vendor: from `since` until `endedAt` (null while it waits). */
export type VendorWait = { readonly since: Date; readonly endedAt: Date | null };

export type VendorSlaState = "met" | "ok" | "at_risk" | "breached";

export type VendorSla = {
  readonly dueAt: Date;
  /** `met` when the vendor handed back by the deadline; `breached` (reported against the vendor) once it passes. */
  readonly state: VendorSlaState;
  readonly endedAt: Date | null;
  readonly usedMinutes: number;
  /** Business minutes left before the vendor's deadline, negative when late. */
  readonly remainingMinutes: number;
};

/**
 * The vendor's timer over one wait, at `now`: it runs while the ticket waits for the vendor (it
 * does not pause the ticket's own commitments), at risk from {@link AT_RISK_PERCENT}% of the time
 * between `since` and the deadline.
 */
export function vendorState(calendar: BusinessCalendar, commitment: VendorCommitment, wait: VendorWait, now: Date): VendorSla {
  const since = timeOf(wait.since, "since");
  const nowTime = Math.max(since, timeOf(now, "now"));
  const ended = wait.endedAt !== null && timeOf(wait.endedAt, "endedAt") <= nowTime ? Math.max(since, wait.endedAt.getTime()) : null;
  const dueAt = vendorDeadline(calendar, commitment, wait.since).getTime();
  const totalMs = businessMs(calendar, since, dueAt);
  const usedMs = businessMs(calendar, since, ended ?? nowTime);
  let state: VendorSlaState;
  if (ended !== null) state = ended <= dueAt ? "met" : "breached";
  else if (nowTime >= dueAt) state = "breached";
  else state = usedMs * 100 >= AT_RISK_PERCENT * totalMs ? "at_risk" : "ok";
  return {
    dueAt: new Date(dueAt),
    state,
    endedAt: ended === null ? null : new Date(ended),
    usedMinutes: usedMs / MINUTE_MS,
    remainingMinutes: (totalMs - usedMs) / MINUTE_MS,
  };
}

/** The stretches a ticket spent waiting for a vendor, up to `now`, in order (the last may be open). */
export function vendorWaits(facts: SlaFacts, now: Date): VendorWait[] {
  const { points } = timelineOf(facts, now);
  const waits: VendorWait[] = [];
  points.forEach((point, index) => {
    const previous = points[index - 1];
    if (point.status !== "waiting_vendor" || previous?.status === "waiting_vendor") return;
    const end = points.slice(index + 1).find((next) => next.status !== "waiting_vendor");
    waits.push({ since: new Date(point.at), endedAt: end ? new Date(end.at) : null });
  });
  return waits;
}
