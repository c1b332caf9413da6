import { describe, expect, it } from "vitest";
import { hoursAndMinutes, parisInputValue, startedAtProblem, sumTimeSpent, timeSpent, withoutDetails } from "./interventions";

const now = new Date("2026-12-04T10:00:00Z");

describe("startedAtProblem", () => {
  it.each([
    ["in the past", "2026-12-03T08:00:00Z", null],
    ["now", "2026-12-04T10:00:00Z", null],
    ["within the clock tolerance", "2026-12-04T10:05:00Z", null],
    ["beyond the tolerance", "2026-12-04T10:05:01Z", "interventions.errors.startedInFuture"],
    ["tomorrow", "2026-12-05T08:00:00Z", "interventions.errors.startedInFuture"],
  ])("%s", (_label, startedAt, expected) => {
    expect(startedAtProblem(new Date(startedAt), now)).toBe(expected);
  });
});

describe("timeSpent", () => {
  it("is zero for no intervention", () => {
    expect(timeSpent([])).toEqual({ minutes: 0, travelMinutes: 0, count: 0, onSite: 0 });
  });
  it("sums work and travel apart, and counts the on-site visits", () => {
    expect(
      timeSpent([
        { mode: "on_site", minutes: 45, travelMinutes: 30 },
        { mode: "remote", minutes: 20, travelMinutes: 0 },
        { mode: "on_site", minutes: 90, travelMinutes: 25 },
      ]),
    ).toEqual({ minutes: 155, travelMinutes: 55, count: 3, onSite: 2 });
  });
});

describe("hoursAndMinutes", () => {
  it.each([
    [0, 0, 0],
    [45, 0, 45],
    [60, 1, 0],
    [155, 2, 35],
    [1440, 24, 0],
  ])("%i min", (total, hours, minutes) => {
    expect(hoursAndMinutes(total)).toEqual({ hours, minutes });
  });
});

describe("withoutDetails", () => {
  const item = { summary: "Vidéoprojecteur remplacé", details: "Lampe HS, remplacée par celle du stock" };
  it("keeps the details for a reader of internal content", () => expect(withoutDetails(item, true)).toEqual(item));
  it("drops them for anyone else", () => expect(withoutDetails(item, false)).toEqual({ ...item, details: null }));
});

describe("parisInputValue", () => {
  it.each([
    ["winter (UTC+1)", "2026-12-04T08:30:00Z", "2026-12-04T09:30"],
    ["summer (UTC+2)", "2026-06-15T22:05:00Z", "2026-06-16T00:05"],
  ])("%s", (_label, now, expected) => expect(parisInputValue(new Date(now))).toBe(expected));
});

describe("sumTimeSpent", () => {
  it("adds groups up, and is zero for none", () => {
    expect(sumTimeSpent([])).toEqual({ minutes: 0, travelMinutes: 0, count: 0, onSite: 0 });
    expect(
      sumTimeSpent([
        { minutes: 60, travelMinutes: 20, count: 2, onSite: 1 },
        { minutes: 15, travelMinutes: 0, count: 1, onSite: 0 },
      ]),
    ).toEqual({ minutes: 75, travelMinutes: 20, count: 3, onSite: 1 });
  });
});
