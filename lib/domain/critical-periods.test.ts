import { describe, expect, test } from "vitest";
import { criticalPeriodPriority, isOnDay, type CriticalPeriod } from "./critical-periods";

const bac: CriticalPeriod = {
  id: "bac",
  name: "Baccalauréat 2027",
  startsOn: "2027-06-14",
  endsOn: "2027-06-25",
  priorityFloor: "P2",
  allEstablishments: true,
  establishmentIds: [],
};
const bts: CriticalPeriod = {
  id: "bts",
  name: "BTS 2027",
  startsOn: "2027-05-10",
  endsOn: "2027-05-20",
  priorityFloor: "P1",
  allEstablishments: false,
  establishmentIds: ["lycee-a"],
};
const overlapping: CriticalPeriod = {
  ...bts,
  id: "late",
  name: "Oraux",
  startsOn: "2027-06-20",
  endsOn: "2027-06-30",
  allEstablishments: true,
  priorityFloor: "P1",
};

describe("criticalPeriodPriority", () => {
  test.each([
    // label, periods, type, school, priority, now (UTC), expected priority, expected period
    ["a P3 incident during the bac becomes P2", [bac], "incident", "lycee-b", "P3", "2027-06-15T08:00:00Z", "P2", "bac"],
    ["a P4 incident during the bac becomes P2", [bac], "incident", "lycee-b", "P4", "2027-06-15T08:00:00Z", "P2", "bac"],
    ["a P1 incident stays P1", [bac], "incident", "lycee-b", "P1", "2027-06-15T08:00:00Z", "P1", null],
    ["a P2 incident stays P2 (not raised, so no period named)", [bac], "incident", "lycee-b", "P2", "2027-06-15T08:00:00Z", "P2", null],
    ["a request keeps its priority", [bac], "request", "lycee-b", "P3", "2027-06-15T08:00:00Z", "P3", null],
    ["the first day counts (Paris date)", [bac], "incident", "lycee-b", "P3", "2027-06-13T22:30:00Z", "P2", "bac"],
    ["the evening before does not", [bac], "incident", "lycee-b", "P3", "2027-06-13T21:30:00Z", "P3", null],
    ["the last day counts until Paris midnight", [bac], "incident", "lycee-b", "P3", "2027-06-25T21:30:00Z", "P2", "bac"],
    ["the day after the end does not", [bac], "incident", "lycee-b", "P3", "2027-06-25T22:30:00Z", "P3", null],
    ["a listed school is concerned", [bts], "incident", "lycee-a", "P3", "2027-05-12T08:00:00Z", "P1", "bts"],
    ["a school outside the list is not", [bts], "incident", "lycee-b", "P3", "2027-05-12T08:00:00Z", "P3", null],
    [
      "overlapping periods: the strongest floor wins",
      [bac, overlapping],
      "incident",
      "lycee-b",
      "P3",
      "2027-06-21T08:00:00Z",
      "P1",
      "late",
    ],
    ["no period: unchanged", [], "incident", "lycee-b", "P4", "2027-06-21T08:00:00Z", "P4", null],
  ] as const)("%s", (_label, periods, type, establishmentId, priority, now, expected, periodId) => {
    const result = criticalPeriodPriority(periods, { type, establishmentId, priority }, new Date(now));
    expect(result.priority).toBe(expected);
    expect(result.period?.id ?? null).toBe(periodId);
  });
});

describe("isOnDay", () => {
  test.each([
    // label, starts on, ends on, day, expected
    ["the day before the start", "2027-06-14", "2027-06-25", "2027-06-13", false],
    ["the first day", "2027-06-14", "2027-06-25", "2027-06-14", true],
    ["a day within", "2027-06-14", "2027-06-25", "2027-06-20", true],
    ["the last day", "2027-06-14", "2027-06-25", "2027-06-25", true],
    ["the day after the end", "2027-06-14", "2027-06-25", "2027-06-26", false],
    ["a one-day period, on its day", "2027-06-14", "2027-06-14", "2027-06-14", true],
    ["across a month's end", "2027-05-28", "2027-06-03", "2027-05-31", true],
    ["across a year's end", "2026-12-28", "2027-01-03", "2027-01-01", true],
    ["the same dates a year later", "2027-06-14", "2027-06-25", "2028-06-20", false],
  ] as const)("%s", (_label, startsOn, endsOn, day, expected) => {
    expect(isOnDay({ startsOn, endsOn }, day)).toBe(expected);
  });
});
