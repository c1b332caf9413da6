import { describe, expect, test } from "vitest";
import { at, change, iso, P1, P2, P4, ticket, z } from "@/tests/support/sla-facts";
import { type BusinessCalendar, businessMinutesBetween, DEFAULT_CALENDAR, isOpenAt } from "./business-calendar";
import { computeSla } from "./sla";
import {
  alarmFireAt,
  assertEscalationLevels,
  DEFAULT_ESCALATION_LEVELS,
  type EscalationLevel,
  escalationSchedule,
  slaAlarms,
} from "./sla-alarms";

describe("alarms", () => {
  test("P1 opened Monday 10:00: warnings at 75 %, breaches at 100 %, in order", () => {
    const alarms = slaAlarms(DEFAULT_CALENDAR, P1, ticket("2026-06-08T08:00:00Z"), at("2026-06-08T08:00:00Z"));
    expect(alarms.map((alarm) => [alarm.key, iso(alarm.dueAt), iso(alarm.fireAt)])).toEqual([
      ["tto:warning", z("2026-06-08T08:22:30Z"), z("2026-06-08T08:22:30Z")], // 10:22:30
      ["tto:breach", z("2026-06-08T08:30:00Z"), z("2026-06-08T08:30:00Z")],
      ["ttr:warning", z("2026-06-08T11:00:00Z"), z("2026-06-08T11:00:00Z")], // 13:00 (180 min)
      ["ttr:breach", z("2026-06-08T12:00:00Z"), z("2026-06-08T12:00:00Z")],
    ]);
    expect(alarms.map((alarm) => [alarm.timer, alarm.kind])).toEqual([
      ["tto", "warning"],
      ["tto", "breach"],
      ["ttr", "warning"],
      ["ttr", "breach"],
    ]);
  });

  test("P2 opened Monday 16:00: nothing fires at night", () => {
    const alarms = slaAlarms(DEFAULT_CALENDAR, P2, ticket("2026-06-08T14:00:00Z"), at("2026-06-08T14:00:00Z"));
    expect(alarms.map((alarm) => [alarm.key, iso(alarm.dueAt), iso(alarm.fireAt)])).toEqual([
      ["tto:warning", z("2026-06-08T15:30:00Z"), z("2026-06-09T05:30:00Z")], // due Monday 17:30 (closing) → Tuesday 07:30
      ["tto:breach", z("2026-06-09T06:00:00Z"), z("2026-06-09T06:00:00Z")], // Tuesday 08:00
      ["ttr:warning", z("2026-06-09T11:30:00Z"), z("2026-06-09T11:30:00Z")], // 90 + 360 → Tuesday 13:30
      ["ttr:breach", z("2026-06-09T14:00:00Z"), z("2026-06-09T14:00:00Z")], // 90 + 510 → Tuesday 16:00
    ]);
  });

  test.each([
    ["Monday 17:40 → Tuesday 07:30", "2026-06-08T15:40:00Z", "2026-06-09T05:30:00Z"],
    ["Friday 17:40 → Monday 07:30", "2026-06-12T15:40:00Z", "2026-06-15T05:30:00Z"],
    ["Monday 17:30, the closing instant → Tuesday 07:30", "2026-06-08T15:30:00Z", "2026-06-09T05:30:00Z"],
    ["Tuesday 03:00 → 07:30", "2026-06-09T01:00:00Z", "2026-06-09T05:30:00Z"],
    ["Tuesday 10:00 stays", "2026-06-09T08:00:00Z", "2026-06-09T08:00:00Z"],
    ["Saturday → Monday 07:30", "2026-06-13T08:00:00Z", "2026-06-15T05:30:00Z"],
    ["Good Friday 2027 18:00 → Tuesday after Easter Monday", "2027-03-26T17:00:00Z", "2027-03-30T05:30:00Z"],
  ])("an alarm due %s", (_label, dueAt, fireAt) => {
    expect(iso(alarmFireAt(DEFAULT_CALENDAR, at(dueAt)))).toBe(z(fireAt));
  });

  test("no alarm while paused; only the running commitment's once the other is met; past ones included", () => {
    const created = "2026-06-08T06:00:00Z";
    const waiting = ticket(created, [change("2026-06-08T06:10:00Z", "new", "waiting_requester")]);
    expect(slaAlarms(DEFAULT_CALENDAR, P1, waiting, at("2026-06-08T07:00:00Z"))).toEqual([]);
    const taken = ticket(created, [change("2026-06-08T06:05:00Z", "new", "in_progress")], { firstTakenAt: "2026-06-08T06:05:00Z" });
    const alarms = slaAlarms(DEFAULT_CALENDAR, P1, taken, at("2026-06-08T09:30:00Z")); // 11:30: the TTR warning (11:00Z) is past
    expect(alarms.map((alarm) => [alarm.key, iso(alarm.fireAt)])).toEqual([
      ["ttr:warning", z("2026-06-08T09:00:00Z")],
      ["ttr:breach", z("2026-06-08T10:00:00Z")],
    ]);
    const resolved = ticket(created, [change("2026-06-08T06:05:00Z", "new", "resolved")]);
    expect(slaAlarms(DEFAULT_CALENDAR, P1, resolved, at("2026-06-08T07:00:00Z"))).toEqual([]);
  });

  test("after a pause, the alarms move with the deadline", () => {
    const facts = ticket("2026-06-08T06:00:00Z", [
      change("2026-06-08T06:10:00Z", "new", "waiting_requester"),
      change("2026-06-08T07:10:00Z", "waiting_requester", "in_progress"),
    ]);
    const alarms = slaAlarms(DEFAULT_CALENDAR, P1, facts, at("2026-06-08T07:10:00Z"));
    expect(alarms.find((alarm) => alarm.key === "tto:warning")!.dueAt).toEqual(at("2026-06-08T07:22:30Z"));
    expect(alarms.find((alarm) => alarm.key === "ttr:breach")!.dueAt).toEqual(at("2026-06-08T11:00:00Z"));
  });

  test("for tickets opened every 4 h 19 min over two weeks with Easter and a clock change: every alarm fires while open, and the breach is the deadline", () => {
    const calendars: Array<[string, BusinessCalendar]> = [
      ["default", DEFAULT_CALENDAR],
      [
        "lunch break",
        {
          ...DEFAULT_CALENDAR,
          weekly: {
            ...DEFAULT_CALENDAR.weekly,
            3: [
              { start: "08:00", end: "12:00" },
              { start: "13:30", end: "17:00" },
            ],
          },
        },
      ],
    ];
    const from = at("2027-03-22T00:00:00Z").getTime();
    for (const [name, calendar] of calendars) {
      for (let t = from; t < from + 14 * 86_400_000; t += 37 * 60_000 * 7) {
        const facts = ticket(new Date(t).toISOString());
        for (const commitment of [P1, P2, P4]) {
          const sla = computeSla(calendar, commitment, facts, new Date(t));
          for (const alarm of slaAlarms(calendar, commitment, facts, new Date(t))) {
            const context = `${name} ${new Date(t).toISOString()} ${alarm.key}`;
            expect(isOpenAt(calendar, alarm.fireAt), context).toBe(true);
            expect(alarm.fireAt.getTime(), context).toBeGreaterThanOrEqual(alarm.dueAt.getTime());
            expect(businessMinutesBetween(calendar, alarm.dueAt, alarm.fireAt), context).toBe(0);
            if (alarm.key === "tto:breach") expect(iso(alarm.dueAt), context).toBe(iso(sla.ownBy));
            if (alarm.key === "ttr:breach") expect(iso(alarm.dueAt), context).toBe(iso(sla.resolveBy));
          }
          for (const escalation of escalationSchedule(calendar, commitment, facts, new Date(t))) {
            expect(isOpenAt(calendar, escalation.fireAt)).toBe(true);
          }
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("escalation", () => {
  test("the default ladder: sector lead at the breach, service lead after a further 50 % of the TTR", () => {
    expect(DEFAULT_ESCALATION_LEVELS).toEqual([
      { level: 1, role: "sector_lead", afterPercentOfResolve: 100 },
      { level: 2, role: "service_lead", afterPercentOfResolve: 150 },
    ]);
  });

  test.each([
    // commitment, created, level 1 due, level 2 due, level 2 fires
    ["P1 Monday 08:00", P1, "2026-06-08T06:00:00Z", "2026-06-08T10:00:00Z", "2026-06-08T12:00:00Z", "2026-06-08T12:00:00Z"], // 12:00, 14:00 (360 min)
    [
      "P1 Monday 11:30: level 2 at 17:30 fires Tuesday 07:30",
      P1,
      "2026-06-08T09:30:00Z",
      "2026-06-08T13:30:00Z",
      "2026-06-08T15:30:00Z",
      "2026-06-09T05:30:00Z",
    ],
    ["P2 Monday 10:00", P2, "2026-06-08T08:00:00Z", "2026-06-09T08:00:00Z", "2026-06-09T13:00:00Z", "2026-06-09T13:00:00Z"], // 900 = 450 + 450 → Tuesday 15:00
    [
      "P1 in ouvert mode (TTR 720) Monday 08:00",
      { own: 30, resolve: 720 },
      "2026-06-08T06:00:00Z",
      "2026-06-09T08:00:00Z",
      "2026-06-09T14:00:00Z",
      "2026-06-09T14:00:00Z",
    ], // 570 + 150 → Tue 10:00; 1080 → Tue 16:00
    [
      "P1 Friday 16:00 before Easter 2027",
      P1,
      "2027-03-26T15:00:00Z",
      "2027-03-30T08:00:00Z",
      "2027-03-30T10:00:00Z",
      "2027-03-30T10:00:00Z",
    ],
  ] as const)("%s", (_label, commitment, created, level1, level2, level2Fires) => {
    const schedule = escalationSchedule(DEFAULT_CALENDAR, commitment, ticket(created), at(created));
    expect(schedule.map((rung) => [rung.level, rung.role, rung.key])).toEqual([
      [1, "sector_lead", "escalation:1"],
      [2, "service_lead", "escalation:2"],
    ]);
    expect(iso(schedule[0]!.dueAt)).toBe(z(level1));
    expect(iso(schedule[1]!.dueAt)).toBe(z(level2));
    expect(iso(schedule[1]!.fireAt)).toBe(z(level2Fires));
    // Level 1 is the TTR breach.
    expect(iso(schedule[0]!.dueAt)).toBe(iso(computeSla(DEFAULT_CALENDAR, commitment, ticket(created), at(created)).resolveBy));
  });

  test("time waiting for the requester is not counted", () => {
    const facts = ticket("2026-06-08T06:00:00Z", [
      change("2026-06-08T07:00:00Z", "new", "waiting_requester"),
      change("2026-06-08T08:00:00Z", "waiting_requester", "in_progress"),
    ]);
    const schedule = escalationSchedule(DEFAULT_CALENDAR, P1, facts, at("2026-06-08T08:00:00Z"));
    expect(schedule.map((rung) => iso(rung.dueAt))).toEqual([z("2026-06-08T11:00:00Z"), z("2026-06-08T13:00:00Z")]);
  });

  test("levels are data: a team's own three-rung ladder, given in any order", () => {
    const ladder: EscalationLevel[] = [
      { level: 3, role: "manager", afterPercentOfResolve: 200 },
      { level: 1, role: "sector_lead", afterPercentOfResolve: 75 },
      { level: 2, role: "service_lead", afterPercentOfResolve: 100 },
    ];
    const schedule = escalationSchedule(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T06:00:00Z"), ladder);
    expect(schedule.map((rung) => [rung.level, rung.role, iso(rung.dueAt)])).toEqual([
      [1, "sector_lead", z("2026-06-08T09:00:00Z")],
      [2, "service_lead", z("2026-06-08T10:00:00Z")],
      [3, "manager", z("2026-06-08T14:00:00Z")], // 480 min → 16:00
    ]);
  });

  test("none while paused or once resolved; past levels stay listed", () => {
    const waiting = ticket("2026-06-08T06:00:00Z", [change("2026-06-08T11:00:00Z", "in_progress", "waiting_requester")]);
    expect(escalationSchedule(DEFAULT_CALENDAR, P1, waiting, at("2026-06-08T12:00:00Z"))).toEqual([]);
    const resolved = ticket("2026-06-08T06:00:00Z", [change("2026-06-08T11:00:00Z", "in_progress", "resolved")]);
    expect(escalationSchedule(DEFAULT_CALENDAR, P1, resolved, at("2026-06-08T12:00:00Z"))).toEqual([]);
    const late = escalationSchedule(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T11:00:00Z"));
    expect(late.filter((rung) => rung.fireAt <= at("2026-06-08T11:00:00Z")).map((rung) => rung.level)).toEqual([1]);
  });

  test.each([
    ["a level 0", [{ level: 0, role: "sector_lead", afterPercentOfResolve: 100 }], /whole number/],
    ["a fractional level", [{ level: 1.5, role: "sector_lead", afterPercentOfResolve: 100 }], /whole number/],
    ["a zero percentage", [{ level: 1, role: "sector_lead", afterPercentOfResolve: 0 }], /positive/],
    [
      "a level twice",
      [
        { level: 1, role: "sector_lead", afterPercentOfResolve: 100 },
        { level: 1, role: "service_lead", afterPercentOfResolve: 150 },
      ],
      /twice/,
    ],
    [
      "a higher level earlier",
      [
        { level: 1, role: "sector_lead", afterPercentOfResolve: 150 },
        { level: 2, role: "service_lead", afterPercentOfResolve: 100 },
      ],
      /comes before/,
    ],
  ] as const)("rejects a ladder with %s", (_label, ladder, message) => {
    expect(() => assertEscalationLevels(ladder)).toThrow(message);
    expect(() => escalationSchedule(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T06:00:00Z"), ladder)).toThrow(
      RangeError,
    );
  });
});
