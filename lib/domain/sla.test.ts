import { describe, expect, test } from "vitest";
import { at, change, iso, P1, P2, P4, ticket, z } from "@/tests/support/sla-facts";
import { type BusinessCalendar, businessMinutesBetween, DEFAULT_CALENDAR, isOpenAt } from "./business-calendar";
import { computeSla, type SlaFacts } from "./sla";
import { escalationSchedule, slaAlarms } from "./sla-alarms";
import { AT_RISK_PERCENT, commitmentFor, DEFAULT_SLA_TARGETS } from "./sla-commitment";
import type { TicketStatus } from "./vocabulary";

const REQUEST = { type: "request", hardware: false } as const;

describe("a P1 opened on Good Friday 2027 at 16:00 (Easter Monday closed, clocks changed on Sunday)", () => {
  const CREATED = "2027-03-26T15:00:00Z"; // Friday 16:00 CET

  test("TTO 30 min → Friday 16:30; TTR 240 min → Tuesday 10:00 CEST", () => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket(CREATED), at("2027-03-26T15:05:00Z"));
    expect(iso(sla.ownBy)).toBe(z("2027-03-26T15:30:00Z")); // Friday 16:30 CET
    expect(iso(sla.resolveBy)).toBe(z("2027-03-30T08:00:00Z")); // Tuesday 10:00 CEST
    expect(sla).toMatchObject({ state: "ok", paused: false, pausedMinutes: 0, remaining: { own: 25, resolve: 235 } });
    expect(sla.tto).toMatchObject({ state: "ok", metAt: null, stoppedAt: null, usedMinutes: 5, targetMinutes: 30 });
  });

  test("one business hour waiting for the requester moves both deadlines 60 business minutes later", () => {
    const facts = ticket(CREATED, [
      change("2027-03-26T15:15:00Z", "new", "waiting_requester"), // Friday 16:15
      change("2027-03-26T16:15:00Z", "waiting_requester", "in_progress"), // Friday 17:15
    ]);
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at("2027-03-30T07:00:00Z")); // Tuesday 09:00 CEST
    expect(sla.pausedMinutes).toBe(60);
    expect(iso(sla.resolveBy)).toBe(z("2027-03-30T09:00:00Z")); // Tuesday 11:00 CEST
    // TTO: 15 min before the pause, 15 after it → Friday 17:30, the closing instant.
    expect(iso(sla.ownBy)).toBe(z("2027-03-26T16:30:00Z"));
    expect(sla.ttr).toMatchObject({ state: "ok", usedMinutes: 15 + 15 + 90, pausedMinutes: 60, remainingMinutes: 120 });
  });

  test("a pause over the Easter weekend counts only its business minutes", () => {
    const facts = ticket(
      CREATED,
      [
        change("2027-03-26T16:00:00Z", "in_progress", "waiting_requester"), // Friday 17:00 CET
        change("2027-03-30T06:00:00Z", "waiting_requester", "in_progress"), // Tuesday 08:00 CEST
      ],
      { firstTakenAt: "2027-03-26T15:10:00Z" },
    );
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at("2027-03-30T06:30:00Z"));
    expect(sla.pausedMinutes).toBe(30 + 30); // Friday 17:00–17:30, Tuesday 07:30–08:00
    expect(iso(sla.resolveBy)).toBe(z("2027-03-30T09:00:00Z")); // Tuesday 11:00 CEST
    expect(sla.tto).toMatchObject({ state: "met", pausedMinutes: 0 });
    expect(iso(sla.tto.metAt)).toBe(z("2027-03-26T15:10:00Z"));
  });

  test.each([
    // now (still waiting), business minutes paused so far, resolveBy as if the pause ended now
    ["Friday 17:10 CET", "2027-03-26T16:10:00Z", 10, "2027-03-30T08:10:00Z"], // 180 left from Fri 17:10 → 20 Fri + 160 Tue → 10:10
    ["Saturday", "2027-03-27T10:00:00Z", 30, "2027-03-30T08:30:00Z"],
    ["Easter Monday", "2027-03-29T10:00:00Z", 30, "2027-03-30T08:30:00Z"], // Tuesday 07:30 + 180 → 10:30 CEST
    ["Tuesday 07:45 CEST", "2027-03-30T05:45:00Z", 45, "2027-03-30T08:45:00Z"], // 07:45 + 180 → 10:45 CEST
  ])("while still waiting (%s), the deadline is given as if the pause ended now", (_label, now, paused, resolveBy) => {
    const facts = ticket(CREATED, [change("2027-03-26T16:00:00Z", "in_progress", "waiting_requester")], {
      firstTakenAt: "2027-03-26T15:10:00Z",
    });
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at(now));
    expect(sla).toMatchObject({ paused: true, pausedMinutes: paused, state: "ok" });
    expect(sla.ttr).toMatchObject({ paused: true, usedMinutes: 60, remainingMinutes: 180, stoppedAt: null });
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
  });
});

// ---------------------------------------------------------------------------------------------

describe("pauses", () => {
  const CREATED = "2026-06-08T06:00:00Z"; // Monday 08:00 CEST; P1 TTR due 12:00 (10:00Z)
  test.each([
    ["no pause", [], "2026-06-08T10:00:00Z", 0],
    [
      "waiting for the requester 09:00–10:00",
      [
        change("2026-06-08T07:00:00Z", "in_progress", "waiting_requester"),
        change("2026-06-08T08:00:00Z", "waiting_requester", "in_progress"),
      ],
      "2026-06-08T11:00:00Z",
      60,
    ],
    [
      "waiting for a vendor 09:00–10:00 does not pause",
      [change("2026-06-08T07:00:00Z", "in_progress", "waiting_vendor"), change("2026-06-08T08:00:00Z", "waiting_vendor", "in_progress")],
      "2026-06-08T10:00:00Z",
      0,
    ],
    [
      "two pauses of 30 min",
      [
        change("2026-06-08T07:00:00Z", "in_progress", "waiting_requester"),
        change("2026-06-08T07:30:00Z", "waiting_requester", "in_progress"),
        change("2026-06-08T08:00:00Z", "in_progress", "waiting_requester"),
        change("2026-06-08T08:30:00Z", "waiting_requester", "assigned"),
      ],
      "2026-06-08T11:00:00Z",
      60,
    ],
    [
      "waiting for the requester from creation until 11:00",
      [change("2026-06-08T06:00:00Z", "new", "waiting_requester"), change("2026-06-08T09:00:00Z", "waiting_requester", "in_progress")],
      "2026-06-08T13:00:00Z",
      180,
    ],
    [
      "a pause that starts after the breach (17:00) does not undo it",
      [
        change("2026-06-08T15:00:00Z", "in_progress", "waiting_requester"),
        change("2026-06-09T06:30:00Z", "waiting_requester", "in_progress"),
      ],
      "2026-06-08T10:00:00Z",
      30 + 60,
    ],
    [
      "status changes given out of order",
      [
        change("2026-06-08T08:00:00Z", "waiting_requester", "in_progress"),
        change("2026-06-08T07:00:00Z", "in_progress", "waiting_requester"),
      ],
      "2026-06-08T11:00:00Z",
      60,
    ],
  ] as const)("P1 on Monday 08:00, %s → TTR due %s", (_label, changes, resolveBy, paused) => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket(CREATED, [...changes], { firstTakenAt: CREATED }), at("2026-06-09T08:00:00Z"));
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
    expect(sla.pausedMinutes).toBe(paused);
    expect(sla.ttr.pausedMinutes).toBe(paused);
  });

  test("a pause across the night: P2 on Monday 08:00, waiting Monday 17:00 → Tuesday 08:30 moves TTR by 30 + 60 minutes", () => {
    const facts = ticket(CREATED, [
      change("2026-06-08T15:00:00Z", "in_progress", "waiting_requester"),
      change("2026-06-09T06:30:00Z", "waiting_requester", "in_progress"),
    ]);
    const sla = computeSla(DEFAULT_CALENDAR, P2, facts, at("2026-06-09T07:00:00Z"));
    expect(iso(sla.resolveBy)).toBe(z("2026-06-09T07:30:00Z")); // Tuesday 09:30 instead of 08:00
    expect(sla.pausedMinutes).toBe(90);
  });

  test("a pause over a plain weekend: Friday 17:00 → Monday 08:00 is one business hour", () => {
    const facts = ticket("2026-06-12T12:00:00Z", [
      change("2026-06-12T15:00:00Z", "in_progress", "waiting_requester"), // Friday 17:00
      change("2026-06-15T06:00:00Z", "waiting_requester", "in_progress"), // Monday 08:00
    ]);
    const sla = computeSla(DEFAULT_CALENDAR, P2, facts, at("2026-06-15T06:00:00Z"));
    expect(sla.pausedMinutes).toBe(60);
    // 600 = 180 on Friday (14:00–17:00) + 420 from Monday 08:00 → 15:00.
    expect(iso(sla.resolveBy)).toBe(z("2026-06-15T13:00:00Z"));
    // Without the pause: 210 on Friday + 390 on Monday → 14:00.
    expect(iso(computeSla(DEFAULT_CALENDAR, P2, ticket("2026-06-12T12:00:00Z"), at("2026-06-15T06:00:00Z")).resolveBy)).toBe(
      z("2026-06-15T12:00:00Z"),
    );
  });

  test("instants that are not on whole minutes", () => {
    const facts = ticket("2026-06-08T06:00:30.250Z", [
      change("2026-06-08T06:10:15Z", "new", "waiting_requester"),
      change("2026-06-08T06:20:45Z", "waiting_requester", "assigned"),
    ]);
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at("2026-06-08T06:21:00Z"));
    expect(sla.pausedMinutes).toBe(10.5);
    expect(iso(sla.ownBy)).toBe("2026-06-08T06:41:00.250Z"); // 06:30:30.250 + 10 min 30 s
    // Friday 17:29:30: 30 seconds on Friday, 29 min 30 s on Monday.
    expect(iso(computeSla(DEFAULT_CALENDAR, P1, ticket("2026-06-12T15:29:30Z"), at("2026-06-12T15:29:40Z")).ownBy)).toBe(
      "2026-06-15T05:59:30.000Z",
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("a change of priority recomputes from creation, minus paused time", () => {
  // Opened Monday 08:00 as P3, waiting for the requester 09:00–10:00, re-qualified at 10:30.
  const facts = ticket("2026-06-08T06:00:00Z", [
    change("2026-06-08T07:00:00Z", "new", "waiting_requester"),
    change("2026-06-08T08:00:00Z", "waiting_requester", "assigned"),
  ]);
  const NOW = at("2026-06-08T08:30:00Z"); // 10:30: 90 business minutes used

  test.each([
    // priority, ownBy, TTO state, resolveBy, ticket state
    ["P1", "2026-06-08T06:30:00Z", "breached", "2026-06-08T11:00:00Z", "breached"], // 30 min reached at 08:30, before the pause
    ["P2", "2026-06-08T09:00:00Z", "at_risk", "2026-06-09T07:00:00Z", "at_risk"], // 90 / 120 = 75 %
    ["P3", "2026-06-08T11:00:00Z", "ok", "2026-06-11T07:00:00Z", "ok"], // 90 / 240; 1800 + 60 = 570 + 600 + 600 + 90 → Thursday 09:00
    ["P4", "2026-06-09T07:00:00Z", "ok", "2026-06-22T07:00:00Z", "ok"], // 600 + 60 = 570 + 90 → Tuesday 09:00; 6060 = 570 + 9 × 600 + 90
  ] as const)("as %s: ownBy %s (%s), resolveBy %s", (priority, ownBy, ttoState, resolveBy, state) => {
    const commitment = commitmentFor({ targets: DEFAULT_SLA_TARGETS, priority, supportMode: "normal", category: REQUEST })!;
    const sla = computeSla(DEFAULT_CALENDAR, commitment, facts, NOW);
    expect(iso(sla.ownBy)).toBe(z(ownBy));
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
    expect(sla.tto.state).toBe(ttoState);
    expect(sla.state).toBe(state);
    expect(sla.pausedMinutes).toBe(60);
  });
});

// ---------------------------------------------------------------------------------------------

describe("states from the share of time used", () => {
  // P4 opened Monday 07:30: TTO 600 min due 17:30 (15:30Z); TTR 6000 min far away.
  const facts = ticket("2026-06-08T05:30:00Z");
  test.each([
    ["0 %", "2026-06-08T05:30:00Z", "ok", 600],
    ["74 % (444 min, 14:54)", "2026-06-08T12:54:00Z", "ok", 156],
    ["74.99 % (449 min 56 s)", "2026-06-08T12:59:56Z", "ok", 600 - 449 - 56 / 60],
    ["75 % (450 min, 15:00)", "2026-06-08T13:00:00Z", "at_risk", 150],
    ["99.8 % (599 min, 17:29)", "2026-06-08T15:29:00Z", "at_risk", 1],
    ["100 % (600 min, 17:30)", "2026-06-08T15:30:00Z", "breached", 0],
    ["that evening at 20:00: no business time elapsed since the deadline", "2026-06-08T18:00:00Z", "breached", 0],
    ["the next business day at 08:30", "2026-06-09T06:30:00Z", "breached", -60],
  ] as const)("TTO at %s → %s", (_label, now, state, remaining) => {
    const sla = computeSla(DEFAULT_CALENDAR, P4, facts, at(now));
    expect(sla.tto.state).toBe(state);
    expect(sla.state).toBe(state);
    expect(sla.remaining.own).toBeCloseTo(remaining, 9);
    expect(sla.ttr.state).toBe("ok");
  });

  test("the at-risk threshold is 75 %", () => expect(AT_RISK_PERCENT).toBe(75));

  test.each([
    ["179 min", "2026-06-08T08:59:00Z", "ok"],
    ["180 min = 75 %", "2026-06-08T09:00:00Z", "at_risk"],
    ["240 min", "2026-06-08T10:00:00Z", "breached"],
  ] as const)("P1 TTR (TTO met) at %s → %s", (_label, now, state) => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z", [], { firstTakenAt: "2026-06-08T06:05:00Z" }), at(now));
    expect(sla.ttr.state).toBe(state);
    expect(sla.state).toBe(state);
  });
});

// ---------------------------------------------------------------------------------------------

describe("TTO met by taking the ticket or by a first public reply", () => {
  const CREATED = "2026-06-08T06:00:00Z"; // P1 Monday 08:00: TTO due 08:30 (06:30Z)
  test.each([
    ["taken at 08:20", { firstTakenAt: "2026-06-08T06:20:00Z" }, [], "met", "2026-06-08T06:20:00Z", 10],
    ["first public reply at 08:10", { firstPublicReplyAt: "2026-06-08T06:10:00Z" }, [], "met", "2026-06-08T06:10:00Z", 20],
    [
      "reply at 08:10, taken at 08:25: the earlier",
      { firstTakenAt: "2026-06-08T06:25:00Z", firstPublicReplyAt: "2026-06-08T06:10:00Z" },
      [],
      "met",
      "2026-06-08T06:10:00Z",
      20,
    ],
    ["taken exactly at the deadline", { firstTakenAt: "2026-06-08T06:30:00Z" }, [], "met", "2026-06-08T06:30:00Z", 0],
    ["taken at 08:45, late", { firstTakenAt: "2026-06-08T06:45:00Z" }, [], "breached", "2026-06-08T06:45:00Z", -15],
    ["resolved at 08:20 without either", {}, [change("2026-06-08T06:20:00Z", "new", "resolved")], "met", "2026-06-08T06:20:00Z", 10],
    ["neither, still open", {}, [], "breached", null, -30],
    ["taken after now is not taken yet", { firstTakenAt: "2026-06-08T08:00:00Z" }, [], "breached", null, -30],
    [
      "a reply recorded a little before creation (clock skew) counts at creation",
      { firstPublicReplyAt: "2026-06-08T05:59:59Z" },
      [],
      "met",
      "2026-06-08T06:00:00Z",
      30,
    ],
  ] as const)("%s", (_label, extra, changes, state, metAt, remaining) => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket(CREATED, [...changes], extra), at("2026-06-08T07:00:00Z"));
    expect(sla.tto.state).toBe(state);
    expect(iso(sla.tto.metAt)).toBe(metAt === null ? null : z(metAt));
    expect(sla.remaining.own).toBe(remaining);
    expect(iso(sla.ownBy)).toBe(z("2026-06-08T06:30:00Z"));
  });

  test("a TTO met late stays breached, but the ticket's state follows the commitments still running", () => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket(CREATED, [], { firstTakenAt: "2026-06-08T06:45:00Z" }), at("2026-06-08T07:00:00Z"));
    expect(sla.tto).toMatchObject({ state: "breached", stoppedAt: at("2026-06-08T06:45:00Z") });
    expect(sla.ttr.state).toBe("ok");
    expect(sla.state).toBe("ok");
  });

  test("a met TTO keeps the deadline it had when met", () => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket(CREATED, [], { firstTakenAt: "2026-06-08T06:20:00Z" }), at("2026-06-10T07:00:00Z"));
    expect(iso(sla.ownBy)).toBe(z("2026-06-08T06:30:00Z"));
    expect(sla.tto.usedMinutes).toBe(20);
  });
});

// ---------------------------------------------------------------------------------------------

describe("TTR met on resolution; a reopened ticket counts again", () => {
  // P1 Monday 08:00; resolved 09:00; reopened Tuesday 08:00; resolved again Tuesday 09:00; closed Wednesday.
  const facts = ticket(
    "2026-06-08T06:00:00Z",
    [
      change("2026-06-08T06:05:00Z", "new", "in_progress"),
      change("2026-06-08T07:00:00Z", "in_progress", "resolved"),
      change("2026-06-09T06:00:00Z", "resolved", "assigned"),
      change("2026-06-09T07:00:00Z", "assigned", "resolved"),
      change("2026-06-10T07:00:00Z", "resolved", "closed"),
    ],
    { firstTakenAt: "2026-06-08T06:05:00Z" },
  );
  test.each([
    // now, TTR state, metAt, resolveBy, used, paused (TTR)
    ["Monday 08:30, in progress", "2026-06-08T06:30:00Z", "ok", null, "2026-06-08T10:00:00Z", 30, 0],
    ["Monday 09:00, at the resolution", "2026-06-08T07:00:00Z", "met", "2026-06-08T07:00:00Z", "2026-06-08T10:00:00Z", 60, 0],
    ["Monday 17:00, resolved", "2026-06-08T15:00:00Z", "met", "2026-06-08T07:00:00Z", "2026-06-08T10:00:00Z", 60, 0],
    // The 510 + 30 business minutes spent resolved (Monday 09:00–17:30, Tuesday 07:30–08:00) are a
    // pause: 180 minutes left from Tuesday 08:00.
    ["Tuesday 08:00, reopened", "2026-06-09T06:00:00Z", "ok", null, "2026-06-09T09:00:00Z", 60, 540],
    ["Tuesday 08:30, reopened", "2026-06-09T06:30:00Z", "ok", null, "2026-06-09T09:00:00Z", 90, 540],
    ["Tuesday 09:00, resolved again", "2026-06-09T07:00:00Z", "met", "2026-06-09T07:00:00Z", "2026-06-09T09:00:00Z", 120, 540],
    [
      "Thursday, closed: met at the last resolution",
      "2026-06-11T07:00:00Z",
      "met",
      "2026-06-09T07:00:00Z",
      "2026-06-09T09:00:00Z",
      120,
      540,
    ],
  ] as const)("%s", (_label, now, state, metAt, resolveBy, used, paused) => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at(now));
    expect(sla.ttr.state).toBe(state);
    expect(iso(sla.ttr.metAt)).toBe(metAt === null ? null : z(metAt));
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
    expect(sla.ttr.usedMinutes).toBe(used);
    expect(sla.ttr.pausedMinutes).toBe(paused);
    expect(sla.pausedMinutes).toBe(0); // never waiting for the requester
    expect(sla.tto.state).toBe("met");
  });

  test("resolved late then reopened: breached, and the lateness keeps growing", () => {
    const late = ticket("2026-06-08T06:00:00Z", [
      change("2026-06-08T11:00:00Z", "new", "resolved"), // 13:00: 300 min used, due 12:00
      change("2026-06-09T06:00:00Z", "resolved", "assigned"),
    ]);
    expect(computeSla(DEFAULT_CALENDAR, P1, late, at("2026-06-08T12:00:00Z")).ttr).toMatchObject({
      state: "breached",
      remainingMinutes: -60,
    });
    const reopened = computeSla(DEFAULT_CALENDAR, P1, late, at("2026-06-09T06:30:00Z"));
    expect(reopened.ttr).toMatchObject({ state: "breached", metAt: null, stoppedAt: null, remainingMinutes: -90 });
    expect(iso(reopened.resolveBy)).toBe(z("2026-06-08T10:00:00Z"));
    expect(reopened.state).toBe("breached");
  });

  test("both met: the ticket is ok", () => {
    expect(computeSla(DEFAULT_CALENDAR, P1, facts, at("2026-06-11T07:00:00Z")).state).toBe("ok");
  });
});

// ---------------------------------------------------------------------------------------------

describe("cancellation stops the clocks", () => {
  test.each([
    ["before any deadline", "2026-06-08T06:15:00Z", "cancelled", "cancelled"],
    ["after the TTO deadline", "2026-06-08T07:00:00Z", "breached", "cancelled"],
    ["after both deadlines", "2026-06-08T11:00:00Z", "breached", "breached"],
  ] as const)("P1 cancelled %s", (_label, cancelledAt, tto, ttr) => {
    const facts = ticket("2026-06-08T06:00:00Z", [change(cancelledAt, "new", "cancelled")]);
    const sla = computeSla(DEFAULT_CALENDAR, P1, facts, at("2026-06-12T10:00:00Z"));
    expect([sla.tto.state, sla.ttr.state, sla.state]).toEqual([tto, ttr, "ok"]);
    expect(iso(sla.ttr.stoppedAt)).toBe(z(cancelledAt));
    expect(sla.ttr.metAt).toBeNull();
    expect(slaAlarms(DEFAULT_CALENDAR, P1, facts, at("2026-06-12T10:00:00Z"))).toEqual([]);
    expect(escalationSchedule(DEFAULT_CALENDAR, P1, facts, at("2026-06-12T10:00:00Z"))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("both daylight-saving changes", () => {
  test.each([
    // created, ownBy, resolveBy (P2: TTO 120, TTR 600)
    ["March 2026: Friday 16:00 CET", "2026-03-27T15:00:00Z", "2026-03-30T06:00:00Z", "2026-03-30T14:00:00Z"], // Monday 08:00 / 16:00 CEST
    ["October 2026: Friday 16:00 CEST", "2026-10-23T14:00:00Z", "2026-10-26T07:00:00Z", "2026-10-26T15:00:00Z"], // Monday 08:00 / 16:00 CET
  ])("P2 opened %s", (_label, created, ownBy, resolveBy) => {
    const sla = computeSla(DEFAULT_CALENDAR, P2, ticket(created), at(created));
    expect(iso(sla.ownBy)).toBe(z(ownBy));
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
  });

  test.each([
    // created, pause from Friday 17:00 to Monday 08:00 (local), resolveBy Monday 17:00 (local)
    ["March", "2026-03-27T15:00:00Z", "2026-03-27T16:00:00Z", "2026-03-30T06:00:00Z", "2026-03-30T15:00:00Z"],
    ["October", "2026-10-23T14:00:00Z", "2026-10-23T15:00:00Z", "2026-10-26T07:00:00Z", "2026-10-26T16:00:00Z"],
  ])("%s: a pause over the weekend of the change counts 30 + 30 minutes", (_label, created, from, to, resolveBy) => {
    const facts = ticket(created, [change(from, "in_progress", "waiting_requester"), change(to, "waiting_requester", "in_progress")]);
    const sla = computeSla(DEFAULT_CALENDAR, P2, facts, at(to));
    expect(sla.pausedMinutes).toBe(60);
    expect(iso(sla.resolveBy)).toBe(z(resolveBy));
  });

  test.each([
    // TTO warning (90 of 120 min) due at Friday's closing, fired at Monday's opening in the new offset.
    ["March", "2026-03-27T15:00:00Z", "2026-03-27T16:30:00Z", "2026-03-30T05:30:00Z"],
    ["October", "2026-10-23T14:00:00Z", "2026-10-23T15:30:00Z", "2026-10-26T06:30:00Z"],
  ])("%s: a warning due at Friday 17:30 fires on Monday at 07:30", (_label, created, dueAt, fireAt) => {
    const warning = slaAlarms(DEFAULT_CALENDAR, P2, ticket(created), at(created)).find((alarm) => alarm.key === "tto:warning")!;
    expect(iso(warning.dueAt)).toBe(z(dueAt));
    expect(iso(warning.fireAt)).toBe(z(fireAt));
  });
});

// ---------------------------------------------------------------------------------------------

describe("purity and robustness", () => {
  test("facts are not mutated, and the same inputs give the same result", () => {
    const changes = Object.freeze([
      Object.freeze(change("2026-06-08T08:00:00Z", "waiting_requester", "in_progress")),
      Object.freeze(change("2026-06-08T07:00:00Z", "new", "waiting_requester")),
    ]);
    const facts: SlaFacts = Object.freeze({
      createdAt: at("2026-06-08T06:00:00Z"),
      statusChanges: changes,
      firstTakenAt: null,
      firstPublicReplyAt: null,
    });
    const first = computeSla(DEFAULT_CALENDAR, P2, facts, at("2026-06-08T09:00:00Z"));
    expect(computeSla(DEFAULT_CALENDAR, P2, facts, at("2026-06-08T09:00:00Z"))).toEqual(first);
    expect(changes[0]!.at).toEqual(at("2026-06-08T08:00:00Z"));
  });

  test("a `now` before the creation (clock skew) is the creation; a change before it counts at it", () => {
    const sla = computeSla(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), at("2026-06-08T05:59:58Z"));
    expect(sla).toMatchObject({ state: "ok", remaining: { own: 30, resolve: 240 } });
    const skewed = ticket("2026-06-08T06:00:00Z", [change("2026-06-08T05:59:59Z", "new", "waiting_requester")]);
    expect(computeSla(DEFAULT_CALENDAR, P1, skewed, at("2026-06-08T07:00:00Z"))).toMatchObject({ paused: true, pausedMinutes: 60 });
  });

  test("rejects invalid dates", () => {
    expect(() => computeSla(DEFAULT_CALENDAR, P1, ticket("2026-06-08T06:00:00Z"), new Date(Number.NaN))).toThrow(RangeError);
    expect(() =>
      computeSla(DEFAULT_CALENDAR, P1, { ...ticket("2026-06-08T06:00:00Z"), createdAt: new Date(Number.NaN) }, at("2026-06-08T07:00:00Z")),
    ).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe("against a minute-by-minute oracle", () => {
  // The oracle walks the timeline one minute at a time, counting the minutes that are open and not
  // paused, and reports the end of the minute that reaches the target.
  const PAUSED = new Set<TicketStatus>(["waiting_requester"]);
  const oracle = (calendar: BusinessCalendar, facts: SlaFacts, target: number): string => {
    const changes = [...facts.statusChanges].sort((x, y) => x.at.getTime() - y.at.getTime());
    let status: TicketStatus = changes[0]?.from ?? "new";
    let counted = 0;
    for (let t = facts.createdAt.getTime(); ; t += 60_000) {
      while (changes.length > 0 && changes[0]!.at.getTime() <= t) status = changes.shift()!.to;
      if (!PAUSED.has(status) && isOpenAt(calendar, new Date(t))) counted++;
      if (counted === target) return new Date(t + 60_000).toISOString();
    }
  };

  // Pause patterns (minutes after creation, alternating into and out of waiting_requester).
  const PATTERNS: Array<[string, number[]]> = [
    ["no pause", []],
    ["a short pause", [20, 50]],
    ["an overnight pause", [200, 1200]],
    ["three pauses", [10, 15, 300, 2000, 2500, 2600]],
    ["a pause over the weekend", [60, 4000]],
  ];
  const STARTS = [
    "2027-03-24T08:17:00Z", // Wednesday before Easter 2027 and the March change
    "2027-03-26T15:00:00Z", // Good Friday 16:00 CET
    "2026-10-22T14:43:00Z", // Thursday before the October change
    "2026-06-12T15:20:00Z", // Friday 17:20 CEST
  ];
  const CASES = STARTS.flatMap((start) => PATTERNS.map(([name, pattern]) => [start, name, pattern] as const));

  test.each(CASES)("opened %s, %s: P2 deadlines match", { timeout: 60_000 }, (start, _name, pattern) => {
    const created = at(start).getTime();
    const statusChanges = pattern.map((minutes, index) =>
      change(
        new Date(created + minutes * 60_000).toISOString(),
        index % 2 === 0 ? "in_progress" : "waiting_requester",
        index % 2 === 0 ? "waiting_requester" : "in_progress",
      ),
    );
    const facts: SlaFacts = { createdAt: at(start), statusChanges, firstTakenAt: null, firstPublicReplyAt: null };
    const now = new Date(created + 30 * 86_400_000); // long after: every pause is over
    const sla = computeSla(DEFAULT_CALENDAR, P2, facts, now);
    expect(iso(sla.ownBy)).toBe(oracle(DEFAULT_CALENDAR, facts, P2.own));
    expect(iso(sla.resolveBy)).toBe(oracle(DEFAULT_CALENDAR, facts, P2.resolve));
    expect(sla.ttr.usedMinutes + sla.ttr.pausedMinutes).toBe(businessMinutesBetween(DEFAULT_CALENDAR, facts.createdAt, now));
  });
});
