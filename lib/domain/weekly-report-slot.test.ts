import { describe, expect, test } from "vitest";
import { isoWeekAt, parseIsoWeek } from "./iso-week";
import { dueWeeklyReport, weeklyReportCron, weeklyReportSlot } from "./weekly-report-slot";

const FRIDAY_16 = { weekday: 5, time: "16:00" } as const;

describe("parseIsoWeek", () => {
  test.each([
    ["2026-W50", "2026-12-07", "2026-12-06T23:00:00.000Z", "2026-12-13T23:00:00.000Z"],
    ["2026-W01", "2025-12-29", "2025-12-28T23:00:00.000Z", "2026-01-04T23:00:00.000Z"],
    ["2026-W53", "2026-12-28", "2026-12-27T23:00:00.000Z", "2027-01-03T23:00:00.000Z"],
    // Summer time: Monday 00:00 in Paris is 22:00 UTC the day before.
    ["2027-W25", "2027-06-21", "2027-06-20T22:00:00.000Z", "2027-06-27T22:00:00.000Z"],
  ])("%s starts on %s", (label, monday, start, end) => {
    const week = parseIsoWeek(label)!;
    expect(week).toMatchObject({ label, monday });
    expect([week.start.toISOString(), week.end.toISOString()]).toEqual([start, end]);
  });

  test.each(["2026-W54", "2027-W53", "2026-W00", "2026-50", "2026-w50", "W50", "2026-W5"])("%s is not a week", (label) => {
    expect(parseIsoWeek(label)).toBeNull();
  });

  test.each([
    ["2026-12-06T22:59:59Z", "2026-W49"],
    ["2026-12-06T23:00:00Z", "2026-W50"],
    ["2027-01-01T12:00:00Z", "2026-W53"],
  ])("the instant %s is in %s (Paris)", (instant, label) => {
    expect(isoWeekAt(new Date(instant)).label).toBe(label);
  });
});

describe("weeklyReportSlot", () => {
  test.each([
    ["an ordinary Friday", "2026-W50", FRIDAY_16, "2026-12-11T15:00:00.000Z"],
    ["Friday 25 December is closed: Thursday 24", "2026-W52", FRIDAY_16, "2026-12-24T15:00:00.000Z"],
    ["Friday 1 January is closed: Thursday 31 December", "2026-W53", FRIDAY_16, "2026-12-31T15:00:00.000Z"],
    ["summer time", "2027-W25", FRIDAY_16, "2027-06-25T14:00:00.000Z"],
    [
      "another day and time (Thursday 11 November closed: Wednesday)",
      "2027-W45",
      { weekday: 4, time: "09:30" },
      "2027-11-10T08:30:00.000Z",
    ],
    [
      "Easter Monday scheduled and closed: stays on Monday, the week has nothing before",
      "2027-W13",
      { weekday: 1, time: "08:00" },
      "2027-03-29T06:00:00.000Z",
    ],
  ] as const)("%s", (_label, week, schedule, slot) => {
    expect(weeklyReportSlot(parseIsoWeek(week)!, schedule).toISOString()).toBe(slot);
  });
});

describe("dueWeeklyReport", () => {
  test.each([
    ["Friday 15:59 Paris: not yet", "2026-12-11T14:59:00Z", null],
    ["Friday 16:00 Paris: this week", "2026-12-11T15:00:00Z", "2026-W50"],
    ["Saturday: still this week's", "2026-12-12T10:00:00Z", "2026-W50"],
    ["Monday: the next week's is not due", "2026-12-14T10:00:00Z", null],
    ["Thursday 24 December 16:00, Friday being closed", "2026-12-24T15:00:00Z", "2026-W52"],
    ["Thursday 24 December 15:00", "2026-12-24T14:00:00Z", null],
  ])("%s", (_label, now, week) => {
    expect(dueWeeklyReport(new Date(now), FRIDAY_16)?.label ?? null).toBe(week);
  });
});

test.each([
  [FRIDAY_16, "0 16 * * 1,2,3,4,5"],
  [{ weekday: 7, time: "08:05" }, "5 8 * * 1,2,3,4,5,6,0"],
  [{ weekday: 1, time: "17:30" }, "30 17 * * 1"],
] as const)("the job wakes from Monday to the scheduled day (%o → %s)", (schedule, cron) => {
  expect(weeklyReportCron(schedule)).toBe(cron);
});
