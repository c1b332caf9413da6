import { describe, expect, test } from "vitest";
import { average, durationFigures, formatBusinessMinutes, mergeHistograms, percentile, share } from "./dashboard-statistics";

const values = (...minutes: number[]) => minutes.map((value) => ({ value, count: 1 }));

describe("percentile (linear interpolation, as percentile_cont)", () => {
  test.each([
    [values(120, 240, 540), 0.5, 240],
    [values(540, 120, 240), 0.5, 240],
    [values(120, 240, 540), 0.9, 480],
    [values(60, 120), 0.5, 90],
    [values(60), 0.9, 60],
    [
      [
        { value: 10, count: 9 },
        { value: 100, count: 1 },
      ],
      0.5,
      10,
    ],
    [
      [
        { value: 10, count: 9 },
        { value: 100, count: 1 },
      ],
      0.9,
      19,
    ],
    [values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9, 9.1],
    [values(5, 7), 0, 5],
    [values(5, 7), 1, 7],
    [
      [
        { value: 3, count: 0 },
        { value: 8, count: 2 },
      ],
      0.5,
      8,
    ],
  ])("%j at %s → %s", (histogram, p, expected) => {
    expect(percentile(histogram, p)).toBeCloseTo(expected, 10);
  });

  test("no value, no percentile", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(durationFigures([])).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });

  test("refuses a p outside [0, 1]", () => {
    expect(() => percentile(values(1), 1.5)).toThrow(RangeError);
  });
});

test("three tickets resolved in 2, 4 and 9 business hours: median 4 h, 90th percentile 8 h", () => {
  expect(durationFigures(values(120, 240, 540))).toEqual({ count: 3, medianMinutes: 240, p90Minutes: 480 });
});

test.each([
  [1, 3, 0.3333],
  [2, 2, 1],
  [0, 5, 0],
  [0, 0, null],
])("share %i / %i = %s", (part, whole, expected) => {
  expect(share(part, whole)).toBe(expected);
});

test("average to two decimals, null on nothing", () => {
  expect(average(13, 3)).toBe(4.33);
  expect(average(0, 0)).toBeNull();
});

test("histograms merge by value", () => {
  expect(mergeHistograms(values(60, 120), [{ value: 60, count: 2 }])).toEqual([
    { value: 60, count: 3 },
    { value: 120, count: 1 },
  ]);
});

test.each([
  [null, "–"],
  [45, "45 min"],
  [60, "1 h"],
  [90, "1 h 30"],
  [240, "4 h"],
  [600, "1 j"],
  [780, "1 j 3 h"],
  [1810, "3 j"],
])("%s business minutes read %s", (minutes, text) => {
  expect(formatBusinessMinutes(minutes)).toBe(text);
});
