import { describe, expect, test } from "vitest";
import { parisDay } from "./business-calendar";
import {
  customPeriod,
  periodInstants,
  resolvePeriod,
  schoolYearLabel,
  schoolYearPeriod,
  schoolYearStart,
  weeksOf,
  weekStart,
} from "./dashboard-period";

describe("resolvePeriod", () => {
  test.each([
    [{ kind: "30d" }, "2026-03-15", { kind: "30d", from: "2026-02-14", to: "2026-03-15" }],
    [{ kind: "90d" }, "2026-03-15", { kind: "90d", from: "2025-12-16", to: "2026-03-15" }],
    [{}, "2026-03-15", { kind: "90d", from: "2025-12-16", to: "2026-03-15" }],
    [{ kind: "school-year" }, "2026-03-15", { kind: "school-year", from: "2025-09-01", to: "2026-03-15" }],
    [{ kind: "school-year" }, "2026-09-01", { kind: "school-year", from: "2026-09-01", to: "2026-09-01" }],
    [{ kind: "school-year" }, "2026-08-31", { kind: "school-year", from: "2025-09-01", to: "2026-08-31" }],
    [{ kind: "custom", from: "2026-01-05", to: "2026-01-11" }, "2026-03-15", { kind: "custom", from: "2026-01-05", to: "2026-01-11" }],
  ] as const)("%j on %s → %j", (choice, today, period) => {
    expect(resolvePeriod(choice, today)).toEqual({ ok: true, period });
  });

  test.each([
    [{ kind: "custom", from: "2026-02-01", to: "2026-01-01" }, "dashboards.errors.period.fromAfterTo"],
    [{ kind: "custom", from: "2026-01-01", to: "2026-04-01" }, "dashboards.errors.period.endsAfterToday"],
    [{ kind: "custom", from: "2020-01-01", to: "2026-01-01" }, "dashboards.errors.period.tooLong", { max: 1100 }],
    [{ kind: "custom", from: "2026-02-30", to: "2026-03-01" }, "dashboards.errors.period.fromInvalid"],
    [{ kind: "custom", from: "01/02/2026", to: "2026-03-01" }, "dashboards.errors.period.fromInvalid"],
  ] as const)("refuses %j", (choice, message, values?: Record<string, number>) => {
    expect(resolvePeriod(choice, "2026-03-15")).toEqual({ ok: false, message, ...(values ? { values } : {}) });
  });
});

test("the API's from/to default to the 90 days ending today (or ending `to`)", () => {
  expect(customPeriod(undefined, undefined, "2026-03-15")).toEqual({
    ok: true,
    period: { kind: "custom", from: "2025-12-16", to: "2026-03-15" },
  });
  expect(customPeriod(undefined, "2026-01-31", "2026-03-15")).toEqual({
    ok: true,
    period: { kind: "custom", from: "2025-11-03", to: "2026-01-31" },
  });
});

test.each([
  ["2025-09-01", "2025-09-01", "2025-2026"],
  ["2026-08-31", "2025-09-01", "2025-2026"],
  ["2026-01-15", "2025-09-01", "2025-2026"],
  ["2026-10-02", "2026-09-01", "2026-2027"],
])("%s is in the school year starting %s (%s)", (day, start, label) => {
  expect(schoolYearStart(day)).toBe(start);
  expect(schoolYearLabel(day)).toBe(label);
});

test("a school year for the annual report: whole when past, cut at today when current, none when to come", () => {
  expect(schoolYearPeriod(2024, "2026-03-15")).toEqual({ kind: "school-year", from: "2024-09-01", to: "2025-08-31" });
  expect(schoolYearPeriod(2025, "2026-03-15")).toEqual({ kind: "school-year", from: "2025-09-01", to: "2026-03-15" });
  expect(schoolYearPeriod(2026, "2026-03-15")).toBeNull();
});

test("a period's instants are Paris midnights, summer or winter", () => {
  expect(periodInstants({ from: "2026-01-05", to: "2026-01-11" })).toEqual({
    start: new Date("2026-01-04T23:00:00Z"),
    end: new Date("2026-01-11T23:00:00Z"),
  });
  // The clocks go forward on 29 March 2026: the end is at UTC+2.
  expect(periodInstants({ from: "2026-03-23", to: "2026-03-29" })).toEqual({
    start: new Date("2026-03-22T23:00:00Z"),
    end: new Date("2026-03-29T22:00:00Z"),
  });
  expect(parisDay(new Date("2026-03-29T22:30:00Z"))).toBe("2026-03-30");
});

test("weeks are Mondays, every week the period touches", () => {
  expect(weekStart("2026-01-11")).toBe("2026-01-05");
  expect(weekStart("2026-01-12")).toBe("2026-01-12");
  expect(weeksOf({ from: "2026-01-07", to: "2026-01-20" })).toEqual(["2026-01-05", "2026-01-12", "2026-01-19"]);
  expect(weeksOf({ from: "2026-01-12", to: "2026-01-12" })).toEqual(["2026-01-12"]);
});
