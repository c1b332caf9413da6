/**
 * When the notification digests go out: 12:00 and 17:00 Paris time on business days (Monday to Friday, French
 * public holidays excepted). Pure: the clock is an argument.
 */
import { DateTime } from "luxon";
import { DEFAULT_CALENDAR, frenchPublicHolidays } from "./business-calendar";

export const DIGEST_HOURS = [12, 17] as const;

/** How far back a worker that was down looks for the slot it missed (a long weekend and then some). */
const LOOKBACK_DAYS = 10;

const zone = DEFAULT_CALENDAR.timeZone;

function isBusinessDay(day: DateTime): boolean {
  if (day.weekday > 5) return false;
  const date = day.toISODate()!;
  return !frenchPublicHolidays(day.year).some((holiday) => holiday.date === date);
}

/** Whether an instant is exactly a digest slot. */
export function isDigestSlot(instant: Date): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  return (
    isBusinessDay(local) &&
    (DIGEST_HOURS as readonly number[]).includes(local.hour) &&
    local.minute === 0 &&
    local.second === 0 &&
    local.millisecond === 0
  );
}

/** The last slot at or before `now`, or null when none in the lookback (never in practice). */
export function latestDigestSlot(now: Date): Date | null {
  const local = DateTime.fromJSDate(now, { zone });
  for (let back = 0; back <= LOOKBACK_DAYS; back += 1) {
    const day = local.minus({ days: back }).startOf("day");
    if (!isBusinessDay(day)) continue;
    for (const hour of [...DIGEST_HOURS].reverse()) {
      const slot = day.set({ hour });
      if (slot <= local) return slot.toJSDate();
    }
  }
  return null;
}

/** A slot's name in idempotency keys and logs: its Paris wall-clock time, e.g. "2026-12-04T12:00". */
export function digestSlotName(slot: Date): string {
  return DateTime.fromJSDate(slot, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The outbox idempotency key of a person's digest: one e-mail per person and slot, however often the job runs. */
export const digestKey = (userId: string, slot: Date) => `digest:${userId}:${digestSlotName(slot)}`;
