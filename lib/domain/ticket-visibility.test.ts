import { describe, expect, test } from "vitest";
import type { Caller } from "./caller";
import { canActAsRequester, canSeeInternalNotes, canSeeTicket } from "./ticket-visibility";
import type { Role } from "./vocabulary";

const caller = (role: Role, extra: Partial<Caller> = {}): Caller => ({
  id: "u",
  email: "u@x",
  name: "U",
  role,
  establishmentIds: [],
  teamIds: [],
  zoneId: null,
  zoneIds: [],
  ...extra,
});
const ticket = {
  establishmentId: "school-A",
  zoneId: "zone-OUEST",
  assignedTeamId: "team-PROX-OUEST",
  watcherTeamIds: ["team-RSSI"],
  requesterId: "someone",
  vendorGrants: [{ teamId: "team-PREST-SCC", endedAt: null, sharedEventIds: [], sharedAttachmentIds: [] }],
};
const now = new Date("2026-11-23T10:00:00Z");

describe("canSeeTicket", () => {
  test.each([
    ["requester of the school", caller("requester", { establishmentIds: ["school-A"] }), true],
    ["requester of another school", caller("requester", { establishmentIds: ["school-B"] }), false],
    ["manager of the school", caller("manager", { establishmentIds: ["school-A"] }), true],
    ["technician of the holding team", caller("technician", { teamIds: ["team-PROX-OUEST"] }), true],
    ["technician of the zone, other team", caller("technician", { teamIds: ["team-X"], zoneIds: ["zone-OUEST"] }), true],
    ["technician of another zone", caller("technician", { teamIds: ["team-PROX-EST"], zoneIds: ["zone-EST"] }), false],
    ["sector lead of the zone", caller("sector_lead", { zoneIds: ["zone-OUEST"] }), true],
    ["academy agent of another team", caller("academy_agent", { teamIds: ["team-EOLE"], zoneIds: ["zone-OUEST"] }), false],
    ["vendor agent of the vendor it waits for", caller("vendor_agent", { teamIds: ["team-PREST-SCC"] }), true],
    [
      "vendor agent, whatever team holds the ticket, without an escalation to it",
      caller("vendor_agent", { teamIds: ["team-PROX-OUEST"] }),
      false,
    ],
    ["academy agent of a watching team", caller("academy_agent", { teamIds: ["team-RSSI"] }), true],
    ["academy agent who filed it for the school", caller("academy_agent", { id: "someone", teamIds: ["team-EOLE"] }), true],
    ["service lead", caller("service_lead"), true],
    ["admin", caller("admin"), true],
  ])("%s → %s", (_, who, expected) => {
    expect(canSeeTicket(who, ticket, now)).toBe(expected);
  });

  test("whoever took the phone call follows the ticket, wherever it goes; someone else of their team does not", () => {
    const called = { ...ticket, takenById: "taker" };
    const away = caller("academy_agent", { id: "taker", teamIds: ["team-EOLE"] });
    expect(canSeeTicket(away, called, now)).toBe(true);
    expect(canSeeTicket({ ...away, id: "colleague" }, called, now)).toBe(false);
    expect(canSeeTicket(away, { ...called, takenById: null }, now)).toBe(false);
  });

  test("an unassigned ticket is seen by the zone, not by a team member elsewhere", () => {
    const unassigned = { ...ticket, assignedTeamId: null };
    expect(canSeeTicket(caller("technician", { zoneIds: ["zone-OUEST"] }), unassigned, now)).toBe(true);
    expect(canSeeTicket(caller("academy_agent", { teamIds: ["team-EOLE"] }), unassigned, now)).toBe(false);
  });
});

test.each([
  ["requester", ["school-A"], true],
  ["manager", ["school-A"], true],
  ["requester", ["school-B"], false],
  ["technician", ["school-A"], false],
  ["admin", [], false],
] as const)("%s of %j acts as requester: %s", (role, schools, expected) => {
  expect(canActAsRequester(caller(role, { establishmentIds: [...schools] }), { establishmentId: "school-A" })).toBe(expected);
});

test.each([
  ["requester", false],
  ["manager", false],
  ["technician", true],
  ["vendor_agent", false],
  ["admin", true],
] as const)("%s sees internal notes: %s", (role, expected) => {
  expect(canSeeInternalNotes(caller(role))).toBe(expected);
});
