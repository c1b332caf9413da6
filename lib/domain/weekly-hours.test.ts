import { translatorFor } from "@/i18n/text";
import { describe, expect, test } from "vitest";
import { DEFAULT_CALENDAR, type WeeklyHours } from "./business-calendar";
import { minutesOfTime } from "./business-calendar";
import { describeWeeklyHours, isDefaultWeeklyHours, sameWeeklyHours, weeklyHoursProblems } from "./weekly-hours";

const CLOSED: WeeklyHours = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
const week = (days: Partial<WeeklyHours>): WeeklyHours => ({ ...CLOSED, ...days });
const iv = (start: string, end: string) => ({ start, end });

test.each([
  ["07:30", false, 450],
  ["00:00", false, 0],
  ["23:59", false, 1439],
  ["24:00", true, 1440],
  ["24:00", false, null],
  ["7:30", false, null],
  ["12:60", false, null],
  ["", false, null],
] as const)("minutesOfTime(%s, end=%s) = %s", (text, asEnd, minutes) => {
  expect(minutesOfTime(text, asEnd)).toBe(minutes);
});

describe("weeklyHoursProblems", () => {
  test.each([
    ["the default week", DEFAULT_CALENDAR.weekly, []],
    ["a lunch break", week({ 1: [iv("08:00", "12:00"), iv("13:30", "17:00")] }), []],
    ["two intervals given in reverse order", week({ 2: [iv("13:30", "17:00"), iv("08:00", "12:00")] }), []],
    ["open until midnight", week({ 6: [iv("18:00", "24:00")] }), []],
    ["touching intervals", week({ 1: [iv("08:00", "12:00"), iv("12:00", "17:00")] }), []],
    [
      "end before start",
      week({ 1: [iv("17:00", "08:00")] }),
      [{ day: 1, message: "sla.errors.week.endBeforeStart", values: { day: "sla.admin.weekdays.1", start: "17:00", end: "08:00" } }],
    ],
    [
      "zero-length interval",
      week({ 3: [iv("08:00", "08:00")] }),
      [{ day: 3, message: "sla.errors.week.endBeforeStart", values: { day: "sla.admin.weekdays.3", start: "08:00", end: "08:00" } }],
    ],
    [
      "overlap",
      week({ 4: [iv("08:00", "12:30"), iv("12:00", "17:00")] }),
      [{ day: 4, message: "sla.errors.week.overlap", values: { day: "sla.admin.weekdays.4" } }],
    ],
    [
      "malformed",
      week({ 5: [iv("8h", "17:00")] }),
      [{ day: 5, message: "sla.errors.week.timeFormat", values: { day: "sla.admin.weekdays.5" } }],
    ],
    [
      "three intervals",
      week({ 1: [iv("08:00", "09:00"), iv("10:00", "11:00"), iv("12:00", "13:00")] }),
      [{ day: 1, message: "sla.errors.week.tooManyIntervals", values: { day: "sla.admin.weekdays.1" } }],
    ],
    ["closed all week", CLOSED, [{ day: null, message: "sla.errors.week.closed" }]],
  ] as const)("%s", (_name, weekly, problems) => {
    expect(weeklyHoursProblems(weekly)).toEqual(problems);
  });
});

test("the default week is recognised whatever the order of intervals", () => {
  expect(isDefaultWeeklyHours(DEFAULT_CALENDAR.weekly)).toBe(true);
  expect(isDefaultWeeklyHours(week({ 1: [iv("07:30", "17:30")] }))).toBe(false);
  expect(
    sameWeeklyHours(week({ 1: [iv("13:00", "17:00"), iv("08:00", "12:00")] }), week({ 1: [iv("08:00", "12:00"), iv("13:00", "17:00")] })),
  ).toBe(true);
});

test.each([
  [DEFAULT_CALENDAR.weekly, "lun.–ven. 07:30–17:30"],
  [CLOSED, "fermé toute la semaine"],
  [
    week({ 1: [iv("08:00", "12:00"), iv("13:30", "17:00")], 2: [iv("08:00", "12:00"), iv("13:30", "17:00")], 5: [iv("08:00", "12:00")] }),
    "lun., mar. 08:00–12:00, 13:30–17:00 ; ven. 08:00–12:00",
  ],
  [week({ 6: [iv("09:00", "12:00")] }), "sam. 09:00–12:00"],
])("describeWeeklyHours → %s", (weekly, text) => {
  expect(describeWeeklyHours(weekly, translatorFor("fr"))).toBe(text);
});
