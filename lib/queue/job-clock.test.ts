import { expect, test } from "vitest";
import { jobClock, JobClockRefused } from "./job-clock";

const real = new Date("2026-12-08T10:00:00Z");

test.each([
  ["no time given: the real clock", undefined, "production", real.toISOString()],
  ["no time given in tests: the real clock", undefined, "test", real.toISOString()],
  ["a test moves the clock", "2026-12-11T15:00:00.000Z", "test", "2026-12-11T15:00:00.000Z"],
  ["development too (trying the report by hand)", "2026-12-11T15:00:00.000Z", "development", "2026-12-11T15:00:00.000Z"],
] as const)("%s", (_label, at, nodeEnv, expected) => {
  expect(jobClock(at, nodeEnv, real).toISOString()).toBe(expected);
});

test("production refuses a time in the payload", () => {
  expect(() => jobClock("2026-12-11T15:00:00.000Z", "production", real)).toThrow(JobClockRefused);
});
