import { describe, expect, test } from "vitest";
import { at, change } from "@/tests/support/sla-facts";
import { DEFAULT_CALENDAR } from "./business-calendar";
import type { SlaFacts, SlaStatusChange } from "./sla";
import { DEFAULT_ESCALATION_LEVELS } from "./sla-alarms";
import { DEFAULT_SLA_TARGETS } from "./sla-commitment";
import { alarmJobId, dueAlarms, pendingAlarms, plannedAlarms, type PlannedAlarm, type SlaPlanInput } from "./sla-plan";

// Instants in UTC; the comment gives Paris time (CET, UTC+1, in November 2026).
// Monday 16 … Friday 20, Monday 23 November 2026: no public holiday.
const facts = (createdAt: string, statusChanges: SlaStatusChange[] = [], firstTakenAt: string | null = null): SlaFacts => ({
  createdAt: at(createdAt),
  statusChanges,
  firstTakenAt: firstTakenAt ? at(firstTakenAt) : null,
  firstPublicReplyAt: null,
});

function plan(overrides: Partial<SlaPlanInput> & Pick<SlaPlanInput, "facts" | "now">): PlannedAlarm[] {
  return plannedAlarms({
    calendar: DEFAULT_CALENDAR,
    commitment: DEFAULT_SLA_TARGETS.P1,
    levels: DEFAULT_ESCALATION_LEVELS,
    vendor: null,
    ...overrides,
  });
}
const summary = (alarms: PlannedAlarm[]) =>
  alarms.map((alarm) => [alarm.key.replace(/-\d{10,}$/, ""), alarm.dueAt.toISOString(), alarm.fireAt.toISOString()]);

describe("plannedAlarms", () => {
  test.each([
    {
      name: "P1 on Monday 09:00, untouched: TTO breach calls the first rung before the TTR does",
      input: { facts: facts("2026-11-16T08:00:00Z"), now: at("2026-11-16T08:00:00Z") },
      expected: [
        ["tto-warning", "2026-11-16T08:22:30.000Z", "2026-11-16T08:22:30.000Z"], // 09:22:30, 75 % of 30 min
        ["escalation-1", "2026-11-16T08:30:00.000Z", "2026-11-16T08:30:00.000Z"], // 09:30, TTO breach
        ["tto-breach", "2026-11-16T08:30:00.000Z", "2026-11-16T08:30:00.000Z"],
        ["ttr-warning", "2026-11-16T11:00:00.000Z", "2026-11-16T11:00:00.000Z"], // 12:00, 75 % of 4 h
        ["ttr-breach", "2026-11-16T12:00:00.000Z", "2026-11-16T12:00:00.000Z"], // 13:00
        ["escalation-2", "2026-11-16T14:00:00.000Z", "2026-11-16T14:00:00.000Z"], // 15:00, 150 % of 4 h
      ],
    },
    {
      name: "taken in charge at 09:10: no TTO alarm, the first rung waits for the TTR breach",
      input: {
        facts: facts("2026-11-16T08:00:00Z", [change("2026-11-16T08:10:00Z", "new", "in_progress")], "2026-11-16T08:10:00Z"),
        now: at("2026-11-16T08:15:00Z"),
      },
      expected: [
        ["ttr-warning", "2026-11-16T11:00:00.000Z", "2026-11-16T11:00:00.000Z"],
        ["escalation-1", "2026-11-16T12:00:00.000Z", "2026-11-16T12:00:00.000Z"],
        ["ttr-breach", "2026-11-16T12:00:00.000Z", "2026-11-16T12:00:00.000Z"],
        ["escalation-2", "2026-11-16T14:00:00.000Z", "2026-11-16T14:00:00.000Z"],
      ],
    },
    {
      name: "P1 on Friday 16:00: the TTR runs into Monday, nothing fires over the weekend",
      input: {
        facts: facts("2026-11-20T15:00:00Z", [change("2026-11-20T15:05:00Z", "new", "in_progress")], "2026-11-20T15:05:00Z"),
        now: at("2026-11-20T15:05:00Z"),
      },
      expected: [
        ["ttr-warning", "2026-11-23T08:00:00.000Z", "2026-11-23T08:00:00.000Z"], // 180 min: 90 on Friday, Monday 07:30 + 90 = 09:00
        ["escalation-1", "2026-11-23T09:00:00.000Z", "2026-11-23T09:00:00.000Z"], // Monday 10:00
        ["ttr-breach", "2026-11-23T09:00:00.000Z", "2026-11-23T09:00:00.000Z"],
        ["escalation-2", "2026-11-23T11:00:00.000Z", "2026-11-23T11:00:00.000Z"], // 360 min: Monday 12:00
      ],
    },
    {
      name: "a deadline at the 17:30 closing fires at the next opening, never at night",
      input: {
        commitment: DEFAULT_SLA_TARGETS.P2,
        facts: facts("2026-11-16T14:30:00Z", [change("2026-11-16T14:31:00Z", "new", "in_progress")], "2026-11-16T14:31:00Z"), // Monday 15:30
        now: at("2026-11-16T14:31:00Z"),
      },
      expected: [
        ["ttr-warning", "2026-11-17T12:00:00.000Z", "2026-11-17T12:00:00.000Z"], // 450 min: 120 Monday + Tuesday 07:30 + 330 = 13:00
        ["escalation-1", "2026-11-17T14:30:00.000Z", "2026-11-17T14:30:00.000Z"], // 600 min: Tuesday 15:30
        ["ttr-breach", "2026-11-17T14:30:00.000Z", "2026-11-17T14:30:00.000Z"],
        ["escalation-2", "2026-11-18T09:30:00.000Z", "2026-11-18T09:30:00.000Z"], // 900 min: 720 by Tuesday's closing, Wednesday 10:30
      ],
    },
    {
      name: "TTO due at Monday's closing: its alarms fire on Tuesday at opening",
      input: { commitment: DEFAULT_SLA_TARGETS.P2, facts: facts("2026-11-16T14:30:00Z"), now: at("2026-11-16T14:30:00Z") },
      expected: [
        ["tto-warning", "2026-11-16T16:00:00.000Z", "2026-11-16T16:00:00.000Z"], // 17:00
        ["escalation-1", "2026-11-16T16:30:00.000Z", "2026-11-17T06:30:00.000Z"], // due 17:30, fires Tuesday 07:30
        ["tto-breach", "2026-11-16T16:30:00.000Z", "2026-11-17T06:30:00.000Z"],
        ["ttr-warning", "2026-11-17T12:00:00.000Z", "2026-11-17T12:00:00.000Z"],
        ["ttr-breach", "2026-11-17T14:30:00.000Z", "2026-11-17T14:30:00.000Z"],
        ["escalation-2", "2026-11-18T09:30:00.000Z", "2026-11-18T09:30:00.000Z"],
      ],
    },
    {
      name: "waiting for the requester: both clocks paused, no alarm",
      input: {
        facts: facts("2026-11-16T08:00:00Z", [change("2026-11-16T08:05:00Z", "new", "waiting_requester")]),
        now: at("2026-11-16T09:00:00Z"),
      },
      expected: [],
    },
    {
      name: "resolved: nothing left to fire",
      input: { facts: facts("2026-11-16T08:00:00Z", [change("2026-11-16T08:20:00Z", "new", "resolved")]), now: at("2026-11-16T09:00:00Z") },
      expected: [],
    },
    {
      name: "no commitment (hors périmètre) and no vendor: nothing",
      input: { commitment: null, facts: facts("2026-11-16T08:00:00Z"), now: at("2026-11-16T08:00:00Z") },
      expected: [],
    },
    {
      name: "no commitment, waiting for a vendor due next business day: only the vendor's deadline",
      input: {
        commitment: null,
        facts: facts("2026-11-16T08:00:00Z", [change("2026-11-16T09:00:00Z", "new", "waiting_vendor")]),
        vendor: {
          calendar: DEFAULT_CALENDAR,
          commitment: { nextBusinessDay: true as const },
          wait: { since: at("2026-11-16T09:00:00Z"), endedAt: null },
        },
        now: at("2026-11-16T09:00:00Z"),
      },
      expected: [["vendor-breach", "2026-11-17T16:30:00.000Z", "2026-11-18T06:30:00.000Z"]], // Tuesday 17:30, fires Wednesday 07:30
    },
  ])("$name", ({ input, expected }) => {
    expect(summary(plan(input))).toEqual(expected);
  });

  test("a custom ladder: three rungs, the first still called by a TTO breach", () => {
    const levels = [
      { level: 1, role: "sector_lead", afterPercentOfResolve: 100 },
      { level: 2, role: "service_lead", afterPercentOfResolve: 200 },
      { level: 3, role: "admin", afterPercentOfResolve: 300 },
    ] as const;
    const alarms = plan({ facts: facts("2026-11-16T08:00:00Z"), now: at("2026-11-16T08:00:00Z"), levels });
    expect(alarms.filter((alarm) => alarm.kind === "escalation").map((alarm) => [alarm.key, alarm.dueAt.toISOString()])).toEqual([
      ["escalation-1", "2026-11-16T08:30:00.000Z"],
      ["escalation-2", "2026-11-16T16:00:00.000Z"], // 480 min: Monday 17:00
      ["escalation-3", "2026-11-17T10:00:00.000Z"], // 720 min: 510 on Monday, Tuesday 07:30 + 210 = 11:00
    ]);
  });

  test("a ticket waiting for its requester has no alarm, even past a deadline: they come back with the ticket", () => {
    const alarms = plan({
      facts: facts("2026-11-16T08:00:00Z", [change("2026-11-16T09:00:00Z", "new", "waiting_requester")]),
      now: at("2026-11-16T09:30:00Z"),
    });
    // The TTO was due at 09:30 (08:30Z), before the pause; the worker recorded it then, or does when the ticket resumes.
    expect(summary(alarms)).toEqual([]);
  });

  test("keys follow the deadline: a pause that moves it gives new warning and breach keys, the same rung key", () => {
    const created = "2026-11-16T08:00:00Z";
    const before = plan({
      facts: facts(created, [change("2026-11-16T08:05:00Z", "new", "in_progress")], "2026-11-16T08:05:00Z"),
      now: at("2026-11-16T08:10:00Z"),
    });
    const after = plan({
      facts: facts(
        created,
        [
          change("2026-11-16T08:05:00Z", "new", "in_progress"),
          change("2026-11-16T08:10:00Z", "in_progress", "waiting_requester"),
          change("2026-11-16T09:10:00Z", "waiting_requester", "in_progress"),
        ],
        "2026-11-16T08:05:00Z",
      ),
      now: at("2026-11-16T09:10:00Z"),
    });
    const keys = (alarms: PlannedAlarm[]) => alarms.map((alarm) => alarm.key).sort();
    expect(keys(before)).not.toEqual(keys(after));
    expect(keys(after)).toContain("escalation-1");
    const breach = (alarms: PlannedAlarm[]) => alarms.find((alarm) => alarm.key.startsWith("ttr-breach"))!.dueAt.getTime();
    expect(breach(after) - breach(before)).toBe(60 * 60_000); // the hour waited moved the deadline by an hour
  });
});

describe("pendingAlarms and dueAlarms", () => {
  const alarms = plan({ facts: facts("2026-11-16T08:00:00Z"), now: at("2026-11-16T08:00:00Z") });
  const recorded = new Set([alarms[0]!.key]);

  test("recorded alarms are never pending again", () => {
    const pending = pendingAlarms(alarms, recorded);
    expect(pending).toHaveLength(alarms.length - 1);
    expect(pending.map((alarm) => alarm.key)).not.toContain(alarms[0]!.key);
  });

  test.each([
    { now: "2026-11-16T08:22:29Z", due: [] },
    { now: "2026-11-16T08:30:00Z", due: ["escalation-1", "tto-breach"] },
    { now: "2026-11-16T12:00:00Z", due: ["escalation-1", "tto-breach", "ttr-warning", "ttr-breach"] },
  ])("due at $now: $due", ({ now, due }) => {
    expect(dueAlarms(pendingAlarms(alarms, recorded), at(now)).map((alarm) => alarm.key.replace(/-\d{10,}$/, ""))).toEqual(due);
  });
});

test("job ids carry the ticket, the version and the alarm, without the ':' BullMQ reserves", () => {
  const id = alarmJobId("0b6e3c9a-1111-4a4a-9a9a-222222222222", 3, "ttr-breach-1763294400000");
  expect(id).toBe("sla-0b6e3c9a-1111-4a4a-9a9a-222222222222-v3-ttr-breach-1763294400000");
  expect(id).not.toContain(":");
});
