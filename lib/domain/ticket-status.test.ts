import { describe, expect, test } from "vitest";
import { canTransition, requesterActions, statusAfterRequesterReply, TRANSITIONS } from "./ticket-status";
import { TICKET_STATUSES } from "./vocabulary";

describe("transitions", () => {
  test.each([
    ["new", "assigned", true],
    ["assigned", "in_progress", true],
    ["in_progress", "waiting_requester", true],
    ["waiting_requester", "in_progress", true],
    ["waiting_vendor", "resolved", true],
    ["resolved", "closed", true],
    ["resolved", "assigned", true],
    ["new", "closed", false],
    ["closed", "assigned", false],
    ["cancelled", "new", false],
    ["resolved", "cancelled", false],
    ["in_progress", "new", false],
    ["awaiting_approval", "new", true],
    ["awaiting_approval", "cancelled", true],
    ["awaiting_approval", "assigned", false],
    ["new", "awaiting_approval", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  test("closed and cancelled are final; only an approval leads to new; nothing leads back to awaiting approval", () => {
    expect(TRANSITIONS.closed).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
    for (const status of TICKET_STATUSES) {
      if (status !== "awaiting_approval") expect(TRANSITIONS[status]).not.toContain("new");
      expect(TRANSITIONS[status]).not.toContain("awaiting_approval");
    }
  });
});

describe("requesterActions", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  test.each([
    { status: "awaiting_approval", resolvedAt: null, rated: false, expected: ["cancel"] },
    { status: "new", resolvedAt: null, rated: false, expected: ["cancel"] },
    { status: "waiting_requester", resolvedAt: null, rated: false, expected: ["cancel"] },
    { status: "resolved", resolvedAt: daysAgo(2), rated: false, expected: ["confirm", "reopen"] },
    { status: "resolved", resolvedAt: daysAgo(9.9), rated: false, expected: ["confirm", "reopen"] },
    { status: "resolved", resolvedAt: daysAgo(10), rated: false, expected: ["confirm"] },
    { status: "closed", resolvedAt: daysAgo(1), rated: false, expected: ["rate"] },
    { status: "closed", resolvedAt: daysAgo(1), rated: true, expected: [] },
    { status: "cancelled", resolvedAt: null, rated: false, expected: [] },
  ] as const)("$status, resolved $resolvedAt, rated $rated → $expected", ({ expected, ...ticket }) => {
    expect(requesterActions(ticket, now)).toEqual(expected);
  });
});

test.each([
  ["waiting_requester", "in_progress"],
  ["in_progress", "in_progress"],
  ["new", "new"],
  ["resolved", "resolved"],
] as const)("a requester reply on %s leaves it %s", (from, to) => {
  expect(statusAfterRequesterReply(from)).toBe(to);
});
