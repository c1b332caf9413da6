import { describe, expect, test } from "vitest";
import { at, change, iso, P1, ticket, z } from "@/tests/support/sla-facts";
import { type BusinessCalendar, DEFAULT_CALENDAR } from "./business-calendar";
import { computeSla } from "./sla";
import { vendorDeadline, vendorState, vendorWaits } from "./sla-vendor";

describe("vendors", () => {
  const NEXT_DAY = { nextBusinessDay: true } as const;
  test.each([
    ["Monday 10:00 → Tuesday 17:30", "2026-06-08T08:00:00Z", "2026-06-09T15:30:00Z"],
    ["Monday 06:00, before opening → Tuesday 17:30", "2026-06-08T04:00:00Z", "2026-06-09T15:30:00Z"],
    ["Monday 19:00 → Tuesday 17:30", "2026-06-08T17:00:00Z", "2026-06-09T15:30:00Z"],
    ["Friday 10:00 → Monday 17:30", "2026-06-12T08:00:00Z", "2026-06-15T15:30:00Z"],
    ["Saturday → Monday 17:30", "2026-06-13T08:00:00Z", "2026-06-15T15:30:00Z"],
    ["Sunday 23:30 → Monday 17:30", "2026-06-14T21:30:00Z", "2026-06-15T15:30:00Z"],
    ["Good Friday 2027 → Tuesday 17:30 CEST (Easter Monday)", "2027-03-26T09:00:00Z", "2027-03-30T15:30:00Z"],
    ["Christmas Eve 2026 → Monday 28 December 17:30", "2026-12-24T09:00:00Z", "2026-12-28T16:30:00Z"],
    ["Friday before the March change → Monday 17:30 CEST", "2026-03-27T09:00:00Z", "2026-03-30T15:30:00Z"],
    ["Friday before the October change → Monday 17:30 CET", "2026-10-23T08:00:00Z", "2026-10-26T16:30:00Z"],
  ])("next business day: %s", (_label, since, due) => {
    expect(iso(vendorDeadline(DEFAULT_CALENDAR, NEXT_DAY, at(since)))).toBe(z(due));
  });

  test("next business day ends at the last closing of that day", () => {
    const calendar: BusinessCalendar = {
      ...DEFAULT_CALENDAR,
      weekly: {
        ...DEFAULT_CALENDAR.weekly,
        2: [
          { start: "08:00", end: "12:00" },
          { start: "13:30", end: "17:00" },
        ],
      },
    };
    expect(iso(vendorDeadline(calendar, NEXT_DAY, at("2026-06-08T08:00:00Z")))).toBe(z("2026-06-09T15:00:00Z"));
  });

  test.each([
    ["240 business minutes from Friday 16:00 → Monday 10:00", 240, "2026-06-12T14:00:00Z", "2026-06-15T08:00:00Z"],
    ["30 business minutes from Saturday → Monday 08:00", 30, "2026-06-13T08:00:00Z", "2026-06-15T06:00:00Z"],
  ])("%s", (_label, businessMinutes, since, due) => {
    expect(iso(vendorDeadline(DEFAULT_CALENDAR, { businessMinutes }, at(since)))).toBe(z(due));
  });

  test.each([0, -1, 2.5])("rejects a repair time of %s minutes", (businessMinutes) => {
    expect(() => vendorDeadline(DEFAULT_CALENDAR, { businessMinutes }, at("2026-06-08T08:00:00Z"))).toThrow(RangeError);
  });

  // Handed over Monday 10:00, next business day: due Tuesday 17:30, 450 + 600 = 1050 business
  // minutes; 75 % = 787.5 minutes → Tuesday 07:30 + 337.5 = 13:07:30 (11:07:30Z).
  test.each([
    ["Monday 12:00, waiting", null, "2026-06-08T10:00:00Z", "ok", 120, 930],
    ["Tuesday 13:07:29, waiting", null, "2026-06-09T11:07:29Z", "ok", 787.5 - 1 / 60, 262.5 + 1 / 60],
    ["Tuesday 13:07:30, waiting", null, "2026-06-09T11:07:30Z", "at_risk", 787.5, 262.5],
    ["Tuesday 17:30, waiting", null, "2026-06-09T15:30:00Z", "breached", 1050, 0],
    ["Wednesday 12:00, waiting", null, "2026-06-10T10:00:00Z", "breached", 1320, -270],
    ["handed back Tuesday 12:00", "2026-06-09T10:00:00Z", "2026-06-10T10:00:00Z", "met", 720, 330],
    ["handed back at the deadline", "2026-06-09T15:30:00Z", "2026-06-10T10:00:00Z", "met", 1050, 0],
    ["handed back Wednesday 10:00", "2026-06-10T08:00:00Z", "2026-06-10T10:00:00Z", "breached", 1200, -150],
    ["handed back after now is still waiting", "2026-06-10T08:00:00Z", "2026-06-08T10:00:00Z", "ok", 120, 930],
  ] as const)("vendor state: %s → %s", (_label, endedAt, now, state, used, remaining) => {
    const sla = vendorState(
      DEFAULT_CALENDAR,
      NEXT_DAY,
      { since: at("2026-06-08T08:00:00Z"), endedAt: endedAt === null ? null : at(endedAt) },
      at(now),
    );
    expect(sla.state).toBe(state);
    expect(iso(sla.dueAt)).toBe(z("2026-06-09T15:30:00Z"));
    expect(sla.usedMinutes).toBeCloseTo(used, 9);
    expect(sla.remainingMinutes).toBeCloseTo(remaining, 9);
  });

  test("the waits for a vendor read from the status changes, the last one still open", () => {
    const facts = ticket("2026-06-08T06:00:00Z", [
      change("2026-06-08T07:00:00Z", "new", "waiting_vendor"),
      change("2026-06-08T09:00:00Z", "waiting_vendor", "in_progress"),
      change("2026-06-09T07:00:00Z", "in_progress", "waiting_vendor"),
      change("2026-06-10T07:00:00Z", "waiting_vendor", "resolved"),
    ]);
    expect(vendorWaits(facts, at("2026-06-09T12:00:00Z")).map((wait) => [iso(wait.since), iso(wait.endedAt)])).toEqual([
      [z("2026-06-08T07:00:00Z"), z("2026-06-08T09:00:00Z")],
      [z("2026-06-09T07:00:00Z"), null],
    ]);
    expect(vendorWaits(facts, at("2026-06-11T12:00:00Z"))[1]!.endedAt).toEqual(at("2026-06-10T07:00:00Z"));
    // Meanwhile the ticket's own clocks kept running.
    expect(computeSla(DEFAULT_CALENDAR, P1, facts, at("2026-06-08T09:00:00Z")).ttr).toMatchObject({
      paused: false,
      pausedMinutes: 0,
      usedMinutes: 180,
    });
  });
});
