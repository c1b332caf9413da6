import { describe, expect, test } from "vitest";
import type { Caller } from "./caller";
import {
  canActOnTicket,
  canSeeTicket,
  internalSight,
  messageAction,
  seesAttachment,
  seesEvent,
  type TicketScopeFacts,
} from "./ticket-visibility";
import { TICKET_ACTIONS, vendorReadableSince, vendorStanding, type TicketAction, type VendorGrant } from "./vendor-access";
import type { Role } from "./vocabulary";

const now = new Date("2026-11-23T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const caller = (role: Role, teamIds: string[]): Caller => ({
  id: "agent",
  email: "agent@x",
  name: "Agent",
  role,
  establishmentIds: [],
  teamIds,
  zoneId: null,
  zoneIds: [],
});
const scc = caller("vendor_agent", ["team-PREST-SCC"]);
const otherVendor = caller("vendor_agent", ["team-PREST-CANON"]);

/** Event 10 is an internal note shared with SCC, 11 one that is not, 12 a public reply; file f-shared is shared, f-internal not, f-public public. */
const grant = (endedAt: Date | null): VendorGrant => ({
  teamId: "team-PREST-SCC",
  endedAt,
  sharedEventIds: [10],
  sharedAttachmentIds: ["f-shared"],
});
const ticket = (grants: VendorGrant[]): TicketScopeFacts => ({
  establishmentId: "school-A",
  zoneId: "zone-OUEST",
  assignedTeamId: "team-PROX-OUEST",
  watcherTeamIds: [],
  requesterId: "someone",
  vendorGrants: grants,
});

const STANDINGS = {
  "during the wait": { who: scc, ticket: ticket([grant(null)]) },
  "after the wait": { who: scc, ticket: ticket([grant(daysAgo(5))]) },
  "30 days after the wait": { who: scc, ticket: ticket([grant(daysAgo(30))]) },
  "another vendor": { who: otherVendor, ticket: ticket([grant(null)]) },
} as const;
type Standing = keyof typeof STANDINGS;

const reads = {
  "read the public journal": (who: Caller, facts: TicketScopeFacts) =>
    seesEvent(internalSight(who, facts, now), { id: 12, visibility: "public" }),
  "read a shared note": (who: Caller, facts: TicketScopeFacts) =>
    seesEvent(internalSight(who, facts, now), { id: 10, visibility: "internal" }),
  "read an internal note not shared": (who: Caller, facts: TicketScopeFacts) =>
    seesEvent(internalSight(who, facts, now), { id: 11, visibility: "internal" }),
  "read a public file": (who: Caller, facts: TicketScopeFacts) =>
    seesAttachment(internalSight(who, facts, now), { id: "f-public", eventVisibility: "public" }),
  "read a shared file": (who: Caller, facts: TicketScopeFacts) =>
    seesAttachment(internalSight(who, facts, now), { id: "f-shared", eventVisibility: "internal" }),
  "read an internal file not shared": (who: Caller, facts: TicketScopeFacts) =>
    seesAttachment(internalSight(who, facts, now), { id: "f-internal", eventVisibility: "internal" }),
};

type Expected = [boolean, boolean, boolean, boolean];

/** Each move beyond reading, and where it is allowed: [during the wait, after the wait, 30 days after, another vendor]. */
const MOVES: [string, TicketAction, Expected][] = [
  ["reply to the Région's team", "vendor_reply", [true, false, false, false]],
  ["set its own reference", "set_vendor_reference", [true, false, false, false]],
  ["hand the ticket back", "hand_back", [true, false, false, false]],
  ["record its intervention", "record_intervention", [true, false, false, false]],
  ["answer the school", "public_reply", [false, false, false, false]],
  ["write an internal note", "internal_note", [false, false, false, false]],
  ["change priority (impact, urgency)", "requalify", [false, false, false, false]],
  ["resolve or change status", "change_status", [false, false, false, false]],
  ["transfer to another team", "transfer", [false, false, false, false]],
  ["escalate", "escalate", [false, false, false, false]],
  ["assign", "assign", [false, false, false, false]],
  ["link equipment", "link_equipment", [false, false, false, false]],
  ["link tickets", "link", [false, false, false, false]],
  ["merge", "merge", [false, false, false, false]],
];

const TABLE: [string, (who: Caller, facts: TicketScopeFacts) => boolean, Expected][] = [
  ...Object.entries(reads).map(([name, read]): [string, (who: Caller, facts: TicketScopeFacts) => boolean, Expected] => {
    const allowed = !name.includes("not shared");
    // A read needs the ticket in sight first: gone 30 days after the wait, never there for another vendor.
    return [name, (who, facts) => canSeeTicket(who, facts, now) && read(who, facts), [allowed, allowed, false, false]];
  }),
  ...MOVES.map(([name, action, expected]): [string, (who: Caller, facts: TicketScopeFacts) => boolean, Expected] => [
    name,
    (who, facts) => canSeeTicket(who, facts, now) && canActOnTicket(who, facts, action, now),
    expected,
  ]),
];

describe("a vendor agent on a ticket escalated to its vendor", () => {
  const standings = Object.keys(STANDINGS) as Standing[];
  test.each(TABLE.flatMap(([name, may, expected]) => standings.map((standing, index) => [standing, name, expected[index]!, may] as const)))(
    "%s: %s → %s",
    (standing, _, expected, may) => {
      const { who, ticket: facts } = STANDINGS[standing];
      expect(may(who, facts)).toBe(expected);
    },
  );

  test("every action is in the table", () => {
    expect(TICKET_ACTIONS.filter((action) => !MOVES.some(([, move]) => move === action))).toEqual([]);
  });
});

describe("vendorStanding", () => {
  test.each([
    ["no grant", [], "none"],
    ["a running grant", [grant(null)], "working"],
    ["a grant ended yesterday", [grant(daysAgo(1))], "read_only"],
    ["a grant ended 29.9 days ago", [grant(daysAgo(29.9))], "read_only"],
    ["a grant ended exactly 30 days ago", [grant(daysAgo(30))], "none"],
    ["an old grant ended and a new one running (escalated again)", [grant(daysAgo(40)), grant(null)], "working"],
    ["another vendor's running grant", [{ ...grant(null), teamId: "team-PREST-CANON" }], "none"],
  ] as [string, VendorGrant[], string][])("%s → %s", (_, grants, expected) => {
    expect(vendorStanding(["team-PREST-SCC"], grants, now).stage).toBe(expected);
  });

  test("what was shared is read as long as the ticket is: grants past the reading period share nothing", () => {
    const old = { ...grant(daysAgo(40)), sharedEventIds: [1], sharedAttachmentIds: ["old"] };
    const standing = vendorStanding(["team-PREST-SCC"], [old, grant(daysAgo(2))], now);
    expect([...standing.sharedEventIds]).toEqual([10]);
    expect([...standing.sharedAttachmentIds]).toEqual(["f-shared"]);
  });

  test("the reading period is 30 days", () => {
    expect(vendorReadableSince(now)).toEqual(daysAgo(30));
  });
});

describe("the desk's staff and the school", () => {
  const facts = ticket([grant(null)]);
  test.each([
    ["technician", "requalify", true],
    ["technician", "change_status", true],
    ["technician", "internal_note", true],
    ["technician", "hand_back", false],
    ["technician", "vendor_reply", false],
    ["admin", "hand_back", false],
    ["requester", "public_reply", true],
    ["requester", "internal_note", false],
    ["requester", "change_status", false],
    ["technician", "record_intervention", true],
    ["requester", "record_intervention", false],
  ] as [Role, TicketAction, boolean][])("%s %s → %s", (role, action, expected) => {
    expect(canActOnTicket(caller(role, ["team-PROX-OUEST"]), facts, action, now)).toBe(expected);
  });

  test("the desk reads every internal note and file; the school none", () => {
    expect(internalSight(caller("technician", ["team-PROX-OUEST"]), facts, now)).toEqual({ kind: "all" });
    expect(internalSight(caller("requester", []), facts, now)).toEqual({ kind: "none" });
    expect(seesEvent({ kind: "none" }, { id: 10, visibility: "internal" })).toBe(false);
  });

  test.each([
    ["vendor_agent", "internal", "vendor_reply"],
    ["vendor_agent", "public", "public_reply"],
    ["technician", "internal", "internal_note"],
    ["requester", "public", "public_reply"],
  ] as const)("a %s's %s message is a %s", (role, visibility, expected) => {
    expect(messageAction(caller(role, []), visibility)).toBe(expected);
  });
});
