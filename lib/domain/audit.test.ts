import { describe, expect, test } from "vitest";
import { auditPeriod, auditPurgeBefore } from "./audit";

describe("auditPurgeBefore", () => {
  test.each([
    ["a year", "2026-12-04T10:00:00.000Z", 365, "2025-12-04T10:00:00.000Z"],
    ["six months", "2026-12-04T10:00:00.000Z", 183, "2026-06-04T10:00:00.000Z"],
    ["one day", "2026-03-01T00:00:00.000Z", 1, "2026-02-28T00:00:00.000Z"],
  ])("keeps %s", (_, now, days, before) => {
    expect(auditPurgeBefore(new Date(now), days).toISOString()).toBe(before);
  });
});

describe("auditPeriod", () => {
  test.each([
    ["a winter day", "2026-01-15", "2026-01-15", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z"],
    ["a summer day", "2026-07-14", "2026-07-14", "2026-07-13T22:00:00.000Z", "2026-07-14T22:00:00.000Z"],
    ["across the spring change", "2026-03-28", "2026-03-29", "2026-03-27T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
  ])("a period of Paris days: %s", (_, from, to, since, until) => {
    const period = auditPeriod(from, to);
    expect(period.since?.toISOString()).toBe(since);
    expect(period.until?.toISOString()).toBe(until);
  });

  test("an open end is no bound", () => {
    expect(auditPeriod(undefined, "2026-01-15")).toEqual({ until: new Date("2026-01-15T23:00:00.000Z") });
    expect(auditPeriod("2026-01-15", undefined)).toEqual({ since: new Date("2026-01-14T23:00:00.000Z") });
    expect(auditPeriod(undefined, undefined)).toEqual({});
  });
});
