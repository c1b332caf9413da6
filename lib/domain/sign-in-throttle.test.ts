import { expect, test } from "vitest";
import { throttleDecision } from "./sign-in-throttle";

test.each([
  { name: "no failures", counters: [{ failures: 0, secondsLeft: -2 }, { failures: 0, secondsLeft: -2 }], expected: { allowed: true } },
  { name: "nine failures on the account", counters: [{ failures: 9, secondsLeft: 600 }, { failures: 9, secondsLeft: 600 }], expected: { allowed: true } },
  { name: "ten on the account", counters: [{ failures: 10, secondsLeft: 480 }, { failures: 3, secondsLeft: 900 }], expected: { allowed: false, retryAfterSeconds: 480 } },
  { name: "ten from the IP", counters: [{ failures: 1, secondsLeft: 100 }, { failures: 12, secondsLeft: 700 }], expected: { allowed: false, retryAfterSeconds: 700 } },
  { name: "both: the longer wait", counters: [{ failures: 10, secondsLeft: 30 }, { failures: 10, secondsLeft: 90 }], expected: { allowed: false, retryAfterSeconds: 90 } },
  { name: "expiring now still waits a second", counters: [{ failures: 10, secondsLeft: 0 }], expected: { allowed: false, retryAfterSeconds: 1 } },
])("$name", ({ counters, expected }) => {
  expect(throttleDecision(counters)).toEqual(expected);
});
