import { describe, expect, test } from "vitest";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "./business-calendar";
import {
  canCheckDelivery,
  canManageDeliveries,
  checkBy,
  classOfCode,
  deliveryStage,
  isDeemedCompliant,
  planCheck,
  shownState,
  workingDaysAfter,
  type DeliveryState,
  type StoredDeliveryState,
} from "./deliveries";

const paris = (local: string) =>
  new Date(new Date(`${local}Z`).getTime() - (local.slice(5, 7) >= "04" && local.slice(5, 10) < "10-25" ? 2 : 1) * 3_600_000);
const halfDays: BusinessCalendar = {
  ...DEFAULT_CALENDAR,
  weekly: {
    ...DEFAULT_CALENDAR.weekly,
    5: [
      { start: "08:00", end: "12:00" },
      { start: "13:00", end: "16:00" },
    ],
  },
};
const toussaint: BusinessCalendar = { ...DEFAULT_CALENDAR, closures: [{ from: "2026-11-09", to: "2026-11-10", label: "Fermeture" }] };

test.each<[string, Partial<Record<StoredDeliveryState, number>>, string | null, DeliveryState | null]>([
  ["nothing recorded", {}, null, null],
  ["one still to come", { delivered: 1 }, "2026-11-05", "planned"],
  ["one delivered today, to check", { delivered: 1 }, "2026-11-02", "delivered"],
  ["anomalies come first", { delivered: 1, with_anomalies: 1, checked: 2 }, "2026-11-02", "with_anomalies"],
  ["one to check before the checked ones", { delivered: 1, checked: 3 }, "2026-10-30", "delivered"],
  ["deemed compliant", { deemed_compliant: 1, checked: 1 }, null, "deemed_compliant"],
  ["all checked", { checked: 2 }, null, "checked"],
])("a school's delivery stage: %s", (_, states, firstPendingOn, stage) => {
  expect(deliveryStage(states, firstPendingOn, "2026-11-02")).toBe(stage);
});

describe("checkBy: the close of the 5th working day after the delivery", () => {
  test.each<[string, BusinessCalendar, string, string[], string]>([
    [
      "a Thursday, across a weekend and 11 November",
      DEFAULT_CALENDAR,
      "2026-11-05",
      ["2026-11-06", "2026-11-09", "2026-11-10", "2026-11-12", "2026-11-13"],
      "2026-11-13T17:30",
    ],
    [
      "a Monday, no holiday",
      DEFAULT_CALENDAR,
      "2026-10-05",
      ["2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09", "2026-10-12"],
      "2026-10-12T17:30",
    ],
    [
      "a Saturday delivery counts from Monday",
      DEFAULT_CALENDAR,
      "2026-10-10",
      ["2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16"],
      "2026-10-16T17:30",
    ],
    [
      "across the October clock change",
      DEFAULT_CALENDAR,
      "2026-10-21",
      ["2026-10-22", "2026-10-23", "2026-10-26", "2026-10-27", "2026-10-28"],
      "2026-10-28T17:30",
    ],
    [
      "an admin closure is skipped",
      toussaint,
      "2026-11-05",
      ["2026-11-06", "2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17"],
      "2026-11-17T17:30",
    ],
    [
      "the calendar's own closing hour",
      halfDays,
      "2026-11-05",
      ["2026-11-06", "2026-11-09", "2026-11-10", "2026-11-12", "2026-11-13"],
      "2026-11-13T16:00",
    ],
  ])("%s", (_, calendar, deliveredOn, days, close) => {
    expect(workingDaysAfter(calendar, deliveredOn, 5)).toEqual(days);
    expect(checkBy(calendar, deliveredOn).toISOString()).toBe(paris(close).toISOString());
  });

  test("5 November 2026 closes on Friday 13 November at 17:30 Paris (16:30 UTC)", () => {
    expect(checkBy(DEFAULT_CALENDAR, "2026-11-05").toISOString()).toBe("2026-11-13T16:30:00.000Z");
  });
});

test.each<[string, "delivered" | "checked", string, string]>([
  ["delivered", "delivered", "2026-11-04", "planned"],
  ["delivered", "delivered", "2026-11-05", "delivered"],
  ["checked", "checked", "2026-11-04", "checked"],
])("a %s delivery of 5 November reads, on %s…", (_, stored, today, shown) => {
  expect(shownState(stored, "2026-11-05", today)).toBe(shown);
});

test.each<[string, "delivered" | "checked" | "with_anomalies", string, boolean]>([
  ["before the deadline", "delivered", "2026-11-13T16:29:59Z", false],
  ["at the deadline", "delivered", "2026-11-13T16:30:00Z", true],
  ["checked already", "checked", "2026-12-01T00:00:00Z", false],
  ["with anomalies", "with_anomalies", "2026-12-01T00:00:00Z", false],
])("deemed compliant %s", (_, state, now, expected) => {
  expect(isDeemedCompliant({ state, checkBy: new Date("2026-11-13T16:30:00Z") }, new Date(now))).toBe(expected);
});

test.each([
  [{ role: "admin" as const, teamIds: [] }, null, true],
  [{ role: "service_lead" as const, teamIds: [] }, null, true],
  [{ role: "technician" as const, teamIds: ["team-equip"] }, "team-equip", true],
  [{ role: "technician" as const, teamIds: ["other"] }, "team-equip", false],
  [{ role: "sector_lead" as const, teamIds: [] }, "team-equip", false],
  [{ role: "requester" as const, teamIds: ["team-equip"] }, "team-equip", false],
])("who creates deliveries: %o", (caller, team, expected) => {
  expect(canManageDeliveries(caller, team)).toBe(expected);
});

test.each([
  [{ role: "requester" as const, establishmentIds: ["s1"] }, true],
  [{ role: "manager" as const, establishmentIds: ["s1"] }, true],
  [{ role: "requester" as const, establishmentIds: ["s2"] }, false],
  [{ role: "technician" as const, establishmentIds: [] }, false],
  [{ role: "admin" as const, establishmentIds: [] }, true],
])("who checks school s1's delivery: %o", (caller, expected) => {
  expect(canCheckDelivery(caller, "s1")).toBe(expected);
});

test("a code resolves through the campaign's catalogue, else must name a class", () => {
  const catalogue = new Map([["PC-MULTI", { label: "PC multimédia", class: "pc" as const }]]);
  expect(classOfCode("PC-MULTI", catalogue)).toEqual({ label: "PC multimédia", class: "pc" });
  expect(classOfCode("pc", catalogue)).toBeNull();
  expect(classOfCode("Laptop", null)).toEqual({ label: null, class: "laptop" });
  expect(classOfCode("PC-MULTI", null)).toBeNull();
});

describe("planCheck", () => {
  const expected = [
    { id: "l1", quantity: 3, model: "HP Elite 800", expectedSerials: [] },
    { id: "l2", quantity: 1, model: "Epson EB-800", expectedSerials: [] },
  ];
  test("all received and fine: every serial accepted, no anomaly", () => {
    const plan = planCheck(expected, [
      { id: "l1", received: 3, serials: ["a1", " A2 ", "a3"] },
      { id: "l2", received: 1, serials: ["v1"] },
    ]);
    expect(plan).toMatchObject({ ok: true, anomalies: false });
    if (plan.ok) expect(plan.lines.map((line) => line.accepted)).toEqual([["A1", "A2", "A3"], ["V1"]]);
  });
  test("one damaged: its serial is refused, the others accepted; a short line is missing", () => {
    const plan = planCheck(expected, [
      { id: "l1", received: 3, serials: ["a1", "a2", "a3"], anomaly: { kind: "damaged", serials: ["a2"], note: "écran fêlé" } },
      { id: "l2", received: 0, serials: [] },
    ]);
    expect(plan).toMatchObject({ ok: true, anomalies: true });
    if (plan.ok) {
      expect(plan.lines[0]).toMatchObject({ anomaly: "damaged", accepted: ["A1", "A3"], anomalySerials: ["A2"], note: "écran fêlé" });
      expect(plan.lines[1]).toMatchObject({ anomaly: "missing", accepted: [] });
    }
  });
  test("a wrong model without serials refuses the whole line", () => {
    const plan = planCheck(expected, [
      { id: "l1", received: 1, serials: ["a1"], anomaly: { kind: "wrong_model" } },
      { id: "l2", received: 1, serials: ["v1"] },
    ]);
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.lines[0]).toMatchObject({ anomaly: "wrong_model", accepted: [] });
  });
  test.each([
    ["a line unanswered", [{ id: "l1", received: 3, serials: ["a", "b", "c"] }], "deliveries.errors.lineUnanswered"],
    [
      "an unknown line",
      [
        ...[
          { id: "l1", received: 3, serials: ["a", "b", "c"] },
          { id: "l2", received: 1, serials: ["d"] },
        ],
        { id: "zz", received: 0, serials: [] },
      ],
      "deliveries.errors.unknownLine",
    ],
    [
      "more than expected",
      [
        { id: "l1", received: 4, serials: ["a", "b", "c", "e"] },
        { id: "l2", received: 1, serials: ["d"] },
      ],
      "deliveries.errors.moreThanExpected",
    ],
    [
      "serials short of received",
      [
        { id: "l1", received: 3, serials: ["a", "b"] },
        { id: "l2", received: 1, serials: ["d"] },
      ],
      "deliveries.errors.serialCount",
    ],
    [
      "a serial twice",
      [
        { id: "l1", received: 3, serials: ["a", "b", "c"] },
        { id: "l2", received: 1, serials: ["A"] },
      ],
      "deliveries.errors.serialTwice",
    ],
    [
      "a damaged serial not received",
      [
        { id: "l1", received: 3, serials: ["a", "b", "c"], anomaly: { kind: "damaged" as const, serials: ["x"] } },
        { id: "l2", received: 1, serials: ["d"] },
      ],
      "deliveries.errors.anomalySerialNotReceived",
    ],
  ])("refused: %s", (_, answers, message) => {
    const plan = planCheck(expected, answers);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors.map((error) => error.message)).toContain(message);
  });
});
