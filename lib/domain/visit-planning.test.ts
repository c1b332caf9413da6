import { describe, expect, test } from "vitest";
import { DEFAULT_CALENDAR } from "./business-calendar";
import {
  isoWeekMonday,
  isoWeekOf,
  isUpcoming,
  nextVisits,
  shiftIsoWeek,
  visitsOn,
  weekDates,
  type ScheduleSlot,
  type VisitException,
} from "./visit-planning";

describe("ISO weeks", () => {
  test.each([
    ["2026-W50", "2026-12-07"],
    ["2026-W01", "2025-12-29"],
    ["2026-W53", "2026-12-28"],
    ["2027-W53", null],
    ["2026-W00", null],
    ["2026-50", null],
    ["2026-W5", null],
    ["", null],
  ])("%s starts on %s", (week, monday) => {
    expect(isoWeekMonday(week)).toBe(monday);
  });
  test.each([
    ["2026-12-09", "2026-W50"],
    ["2027-01-01", "2026-W53"],
    ["2026-01-01", "2026-W01"],
  ])("%s is in %s", (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
  test("shifts across years and lists Monday to Friday", () => {
    expect(shiftIsoWeek("2026-W53", 1)).toBe("2027-W01");
    expect(shiftIsoWeek("2026-W01", -1)).toBe("2025-W52");
    expect(weekDates("2026-W50")).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"]);
  });
});

const schedule: ScheduleSlot[] = [
  { technicianId: "emma", weekday: 2, halfDay: "am", establishmentId: "choiseul" },
  { technicianId: "emma", weekday: 2, halfDay: "pm", establishmentId: "descartes" },
  { technicianId: "emma", weekday: 4, halfDay: "am", establishmentId: "choiseul" },
  { technicianId: "thomas", weekday: 2, halfDay: "am", establishmentId: "palissy" },
];

describe("visitsOn", () => {
  test.each<[string, VisitException[], Array<[string, string, string, string]>]>([
    [
      "the default week",
      [],
      [
        ["2026-12-08", "am", "emma", "choiseul"],
        ["2026-12-08", "am", "thomas", "palissy"],
        ["2026-12-08", "pm", "emma", "descartes"],
      ],
    ],
    [
      "an exception to another school",
      [{ technicianId: "emma", onDate: "2026-12-08", halfDay: "am", establishmentId: "palissy" }],
      [
        ["2026-12-08", "am", "emma", "palissy"],
        ["2026-12-08", "am", "thomas", "palissy"],
        ["2026-12-08", "pm", "emma", "descartes"],
      ],
    ],
    [
      "an exception cancelling a visit",
      [{ technicianId: "emma", onDate: "2026-12-08", halfDay: "pm", establishmentId: null }],
      [
        ["2026-12-08", "am", "emma", "choiseul"],
        ["2026-12-08", "am", "thomas", "palissy"],
      ],
    ],
    [
      "an exception on a free half-day",
      [{ technicianId: "thomas", onDate: "2026-12-08", halfDay: "pm", establishmentId: "choiseul" }],
      [
        ["2026-12-08", "am", "emma", "choiseul"],
        ["2026-12-08", "am", "thomas", "palissy"],
        ["2026-12-08", "pm", "emma", "descartes"],
        ["2026-12-08", "pm", "thomas", "choiseul"],
      ],
    ],
    [
      "an exception on another date changes nothing",
      [{ technicianId: "emma", onDate: "2026-12-15", halfDay: "am", establishmentId: null }],
      [
        ["2026-12-08", "am", "emma", "choiseul"],
        ["2026-12-08", "am", "thomas", "palissy"],
        ["2026-12-08", "pm", "emma", "descartes"],
      ],
    ],
  ])("%s", (_label, exceptions, expected) => {
    expect(visitsOn(["2026-12-08"], schedule, exceptions).map((v) => [v.onDate, v.halfDay, v.technicianId, v.establishmentId])).toEqual(
      expected,
    );
  });
});

describe("isUpcoming", () => {
  test.each([
    ["2026-12-08T10:59:00Z", "am", true], // 11:59 Paris
    ["2026-12-08T11:00:00Z", "am", false], // noon Paris
    ["2026-12-08T16:29:00Z", "pm", true],
    ["2026-12-08T16:30:00Z", "pm", false],
  ] as const)("at %s the %s of 8 December is upcoming: %s", (now, halfDay, expected) => {
    expect(isUpcoming("2026-12-08", halfDay, new Date(now))).toBe(expected);
  });
});

describe("nextVisits", () => {
  const base = {
    establishmentId: "choiseul",
    schedule,
    exceptions: [] as VisitException[],
    absences: [],
    calendar: DEFAULT_CALENDAR,
    horizonDays: 60,
    count: 3,
  };
  const slots = (visits: ReturnType<typeof nextVisits>) => visits.map((v) => `${v.onDate} ${v.halfDay} ${v.technicianId}`);
  test.each([
    [
      "from Friday: next Tuesday and Thursday",
      { now: new Date("2026-12-04T15:00:00Z") },
      ["2026-12-08 am emma", "2026-12-10 am emma", "2026-12-15 am emma"],
    ],
    [
      "Tuesday morning itself is still to come at 9:00",
      { now: new Date("2026-12-08T08:00:00Z") },
      ["2026-12-08 am emma", "2026-12-10 am emma", "2026-12-15 am emma"],
    ],
    [
      "Tuesday afternoon: the morning is over",
      { now: new Date("2026-12-08T13:00:00Z") },
      ["2026-12-10 am emma", "2026-12-15 am emma", "2026-12-17 am emma"],
    ],
    [
      "skips the technician's absence",
      { now: new Date("2026-12-04T15:00:00Z"), absences: [{ userId: "emma", startsOn: "2026-12-08", endsOn: "2026-12-10" }] },
      ["2026-12-15 am emma", "2026-12-17 am emma", "2026-12-22 am emma"],
    ],
    [
      "skips holidays and closures",
      {
        now: new Date("2026-12-18T15:00:00Z"),
        calendar: { ...DEFAULT_CALENDAR, closures: [{ from: "2026-12-21", to: "2027-01-01", label: "Noël" }] },
      },
      ["2027-01-05 am emma", "2027-01-07 am emma", "2027-01-12 am emma"],
    ],
    [
      "an exception brings a visit",
      {
        now: new Date("2026-12-04T15:00:00Z"),
        count: 1,
        exceptions: [{ technicianId: "thomas", onDate: "2026-12-07", halfDay: "pm" as const, establishmentId: "choiseul" }],
      },
      ["2026-12-07 pm thomas"],
    ],
    [
      "an exception cancels one",
      {
        now: new Date("2026-12-04T15:00:00Z"),
        count: 1,
        exceptions: [{ technicianId: "emma", onDate: "2026-12-08", halfDay: "am" as const, establishmentId: null }],
      },
      ["2026-12-10 am emma"],
    ],
    ["a school nobody visits", { now: new Date("2026-12-04T15:00:00Z"), establishmentId: "nowhere" }, []],
    ["stops at the horizon", { now: new Date("2026-12-04T15:00:00Z"), horizonDays: 5 }, ["2026-12-08 am emma"]],
  ])("%s", (_label, overrides, expected) => {
    expect(slots(nextVisits({ ...base, ...overrides }))).toEqual(expected);
  });
});
