import { describe, expect, test } from "vitest";
import { lockedByFailure, throttleDecision, type FailureCounter } from "./sign-in-throttle";

const counters = (accountAddress: [number, number], address: [number, number], account: [number, number]): FailureCounter[] => [
  { scope: "accountAddress", failures: accountAddress[0], secondsLeft: accountAddress[1] },
  { scope: "address", failures: address[0], secondsLeft: address[1] },
  { scope: "account", failures: account[0], secondsLeft: account[1] },
];

describe("throttleDecision", () => {
  test.each([
    { name: "no failures", counters: counters([0, -2], [0, -2], [0, -2]), knownAddress: false, expected: { allowed: true } },
    {
      name: "nine on the account at this address",
      counters: counters([9, 600], [9, 600], [9, 600]),
      knownAddress: false,
      expected: { allowed: true },
    },
    {
      name: "ten on the account at this address",
      counters: counters([10, 480], [10, 480], [10, 480]),
      knownAddress: true,
      expected: { allowed: false, retryAfterSeconds: 480 },
    },
    {
      name: "many from elsewhere do not count at this address",
      counters: counters([0, -2], [0, -2], [99, 3000]),
      knownAddress: false,
      expected: { allowed: true },
    },
    {
      name: "29 across accounts from this address",
      counters: counters([2, 100], [29, 700], [2, 100]),
      knownAddress: false,
      expected: { allowed: true },
    },
    {
      name: "30 across accounts from this address",
      counters: counters([2, 100], [30, 700], [2, 100]),
      knownAddress: false,
      expected: { allowed: false, retryAfterSeconds: 700 },
    },
    {
      name: "100 on the account lock it at a new address",
      counters: counters([0, -2], [0, -2], [100, 3000]),
      knownAddress: false,
      expected: { allowed: false, retryAfterSeconds: 3000 },
    },
    {
      name: "100 on the account leave its usual place open",
      counters: counters([0, -2], [0, -2], [100, 3000]),
      knownAddress: true,
      expected: { allowed: true },
    },
    {
      name: "the usual place still has its own lock",
      counters: counters([10, 90], [10, 90], [100, 3000]),
      knownAddress: true,
      expected: { allowed: false, retryAfterSeconds: 90 },
    },
    {
      name: "two locks: the longer wait",
      counters: counters([10, 30], [30, 90], [5, 800]),
      knownAddress: false,
      expected: { allowed: false, retryAfterSeconds: 90 },
    },
    {
      name: "expiring now still waits a second",
      counters: counters([10, 0], [0, -2], [0, -2]),
      knownAddress: false,
      expected: { allowed: false, retryAfterSeconds: 1 },
    },
  ])("$name", ({ counters, knownAddress, expected }) => {
    expect(throttleDecision(counters, { knownAddress })).toEqual(expected);
  });
});

describe("lockedByFailure", () => {
  test.each([
    { counts: { accountAddress: 9, address: 9, account: 9 }, expected: [] },
    { counts: { accountAddress: 10, address: 10, account: 10 }, expected: ["accountAddress"] },
    { counts: { accountAddress: 11, address: 11, account: 11 }, expected: [] },
    { counts: { accountAddress: 3, address: 30, account: 3 }, expected: ["address"] },
    { counts: { accountAddress: 10, address: 30, account: 100 }, expected: ["accountAddress", "address", "account"] },
  ])("$counts → $expected", ({ counts, expected }) => {
    expect(lockedByFailure(counts)).toEqual(expected);
  });
});
