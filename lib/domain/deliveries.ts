/**
 * Deliveries of the yearly equipment campaign (issue 17, seed 001): from the delivery day the school has 5 working
 * days on its business calendar to check quantities, models and serial numbers; else the delivery is deemed
 * compliant. Pure: the calendar, the clock and the people are passed in.
 */
import { DateTime } from "luxon";
import { isClosedDate, minutesOfTime, type BusinessCalendar, type IsoWeekday } from "./business-calendar";
import type { Caller } from "./caller";
import { can } from "./permissions";
import { CI_CLASSES, type CiClass } from "./vocabulary";

export const CHECK_WORKING_DAYS = 5;

/** What a delivery shows: planned before its day, delivered until checked, then its outcome. */
export const DELIVERY_STATES = ["planned", "delivered", "checked", "deemed_compliant", "with_anomalies"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
/** What is stored: the outcome; "planned" is only a delivered one whose day has not come. */
export type StoredDeliveryState = Exclude<DeliveryState, "planned">;

export const LINE_ANOMALIES = ["missing", "wrong_model", "damaged", "other"] as const;
export type LineAnomaly = (typeof LINE_ANOMALIES)[number];

/** The team of the Région that organises the deliveries (Équipe Déploiement GSI, seed 004) besides the service lead and admins. */
export const EQUIPMENT_TEAM_CODE = "EQ-E-DEP-GSI";

/** The `count` open days after `day` (the delivery day itself does not count), as local dates. */
export function workingDaysAfter(calendar: BusinessCalendar, day: string, count: number): string[] {
  const days: string[] = [];
  let cursor = DateTime.fromISO(day, { zone: calendar.timeZone });
  if (!cursor.isValid) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${day}"`);
  for (let guard = 0; days.length < count; guard++) {
    if (guard > 3 * 366) throw new RangeError("The calendar has no open day within three years");
    cursor = cursor.plus({ days: 1 });
    const date = cursor.toISODate()!;
    if (!isClosedDate(calendar, date)) days.push(date);
  }
  return days;
}

/** The instant a local date closes: the end of that weekday's last opening interval (Paris wall-clock time). */
export function closeOfDay(calendar: BusinessCalendar, day: string): Date {
  const start = DateTime.fromISO(day, { zone: calendar.timeZone });
  const intervals = calendar.weekly[start.weekday as IsoWeekday] ?? [];
  const last = intervals[intervals.length - 1];
  if (!last) throw new RangeError(`${day} has no opening hours`);
  const minutes = minutesOfTime(last.end, true);
  if (minutes === null) throw new RangeError(`Malformed closing time "${last.end}"`);
  if (minutes === 24 * 60) return start.plus({ days: 1 }).startOf("day").toJSDate();
  return start.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
}

/** The end of the check: the close of the 5th working day after the delivery day, on the school's calendar. */
export function checkBy(calendar: BusinessCalendar, deliveredOn: string): Date {
  const days = workingDaysAfter(calendar, deliveredOn, CHECK_WORKING_DAYS);
  return closeOfDay(calendar, days[days.length - 1]!);
}

/** The state a person reads at `today` (a Paris date). */
export function shownState(stored: StoredDeliveryState, deliveredOn: string, today: string): DeliveryState {
  return stored === "delivered" && today < deliveredOn ? "planned" : stored;
}

/** Whether the worker deems it compliant now: still unchecked, its day come, and the 5 working days over. */
/**
 * Where a school's deliveries of a campaign stand, for the campaign's progress: the most pressing first (anomalies,
 * then a delivery to check, then one still to come), else the check's outcome; null when none is recorded.
 */
export function deliveryStage(
  states: Partial<Record<StoredDeliveryState, number>>,
  firstPendingOn: string | null,
  today: string,
): DeliveryState | null {
  if (states.with_anomalies) return "with_anomalies";
  if (states.delivered) return firstPendingOn !== null && firstPendingOn > today ? "planned" : "delivered";
  if (states.deemed_compliant) return "deemed_compliant";
  if (states.checked) return "checked";
  return null;
}

export function isDeemedCompliant(delivery: { state: StoredDeliveryState; checkBy: Date }, now: Date): boolean {
  return delivery.state === "delivered" && delivery.checkBy.getTime() <= now.getTime();
}

/** Creating deliveries: the Région's equipment team, the service lead, admins. */
export function canManageDeliveries(caller: Pick<Caller, "role" | "teamIds">, equipmentTeamId: string | null): boolean {
  if (caller.role === "service_lead" || caller.role === "admin") return true;
  return equipmentTeamId !== null && caller.role !== "requester" && caller.role !== "manager" && caller.teamIds.includes(equipmentTeamId);
}

/** Seeing one: those who manage them and the Région's and Académie's staff everywhere; school staff their own school's. */
export function canSeeDelivery(caller: Pick<Caller, "role" | "teamIds" | "establishmentIds">, establishmentId: string): boolean {
  if (can(caller, "establishments.read_all")) return true;
  return can(caller, "establishments.read_own") && caller.establishmentIds.includes(establishmentId);
}

/** Checking one: the school's own staff, and admins. */
export function canCheckDelivery(caller: Pick<Caller, "role" | "establishmentIds">, establishmentId: string): boolean {
  if (caller.role === "admin") return true;
  return (caller.role === "requester" || caller.role === "manager") && caller.establishmentIds.includes(establishmentId);
}

/**
 * The class a delivery line's code stands for: the campaign's catalogue item when the delivery belongs to a
 * campaign, else (a delivery outside any campaign) the code must name an inventory class itself ("pc", "laptop"…).
 */
export function classOfCode(
  code: string,
  catalogue: ReadonlyMap<string, { label: string; class: CiClass }> | null,
): { label: string | null; class: CiClass } | null {
  if (catalogue) return catalogue.get(code) ?? null;
  const lowered = code.trim().toLowerCase();
  return (CI_CLASSES as readonly string[]).includes(lowered) ? { label: null, class: lowered as CiClass } : null;
}

/** A serial as it is compared: trimmed, upper case (a scanner and a person type the same machine alike). */
export const normalizeSerial = (serial: string) => serial.trim().toUpperCase();

export type ExpectedLine = { id: string; quantity: number; model: string; expectedSerials: readonly string[] };
export type LineCheck = {
  id: string;
  received: number;
  serials: readonly string[];
  anomaly?: { kind: LineAnomaly; serials?: readonly string[]; note?: string | null } | null;
  /** Old items of the school each delivered one replaces (to recycle). */
  replaces?: readonly string[];
};
export type CheckedLine = {
  id: string;
  received: number;
  serials: string[];
  anomaly: LineAnomaly | null;
  anomalySerials: string[];
  note: string | null;
  /** The serials that become configuration items: received, not damaged nor of the wrong model. */
  accepted: string[];
  replaces: string[];
};
export type CheckError = { line: number; field: string; message: string; values?: Record<string, string | number> };

/**
 * Reads a school's check against the expected lines: every line answered once, as many serials as items
 * received (each serial once in the whole delivery), the anomaly's serials among the received ones. A line
 * received short is "missing" even when the school did not say so. Returns the errors, or the checked lines.
 */
export function planCheck(
  expected: readonly ExpectedLine[],
  answers: readonly LineCheck[],
): { ok: true; lines: CheckedLine[]; anomalies: boolean } | { ok: false; errors: CheckError[] } {
  const errors: CheckError[] = [];
  const byId = new Map(answers.map((answer, index) => [answer.id, { answer, index }]));
  if (byId.size !== answers.length) errors.push({ line: 0, field: "lines", message: "deliveries.errors.lineTwice" });
  answers.forEach((answer, index) => {
    if (!expected.some((line) => line.id === answer.id))
      errors.push({ line: index, field: `lines.${index}.id`, message: "deliveries.errors.unknownLine" });
  });
  const seen = new Set<string>();
  const lines: CheckedLine[] = [];
  expected.forEach((line, position) => {
    const found = byId.get(line.id);
    if (!found) {
      errors.push({ line: position, field: `lines`, message: "deliveries.errors.lineUnanswered", values: { position: position + 1 } });
      return;
    }
    const { answer, index } = found;
    const field = (name: string) => `lines.${index}.${name}`;
    const serials = answer.serials.map(normalizeSerial).filter(Boolean);
    if (answer.received > line.quantity)
      errors.push({
        line: index,
        field: field("received"),
        message: "deliveries.errors.moreThanExpected",
        values: { quantity: line.quantity },
      });
    if (serials.length !== answer.received)
      errors.push({
        line: index,
        field: field("serials"),
        message: "deliveries.errors.serialCount",
        values: { received: answer.received, serials: serials.length },
      });
    for (const serial of serials) {
      if (seen.has(serial))
        errors.push({ line: index, field: field("serials"), message: "deliveries.errors.serialTwice", values: { serial } });
      seen.add(serial);
    }
    const anomalySerials = (answer.anomaly?.serials ?? []).map(normalizeSerial).filter(Boolean);
    for (const serial of anomalySerials)
      if (!serials.includes(serial))
        errors.push({ line: index, field: field("anomaly"), message: "deliveries.errors.anomalySerialNotReceived", values: { serial } });
    let anomaly: LineAnomaly | null = answer.anomaly?.kind ?? null;
    if (anomaly === null && answer.received < line.quantity) anomaly = "missing";
    // Damaged or of the wrong model: the named serials, or the whole line when none is named.
    const refused =
      anomaly === "damaged" || anomaly === "wrong_model"
        ? anomalySerials.length
          ? new Set(anomalySerials)
          : new Set(serials)
        : new Set<string>();
    lines.push({
      id: line.id,
      received: answer.received,
      serials,
      anomaly,
      anomalySerials,
      note: answer.anomaly?.note?.trim() || null,
      accepted: serials.filter((serial) => !refused.has(serial)),
      replaces: [...new Set(answer.replaces ?? [])],
    });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, lines, anomalies: lines.some((line) => line.anomaly !== null) };
}
