import { expect, test } from "vitest";
import type { Caller } from "./caller";
import { canReadCisOf, canWriteCisOf, keepsInventory } from "./ci-access";
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

const OWN = { establishmentId: "choiseul", zoneId: "ouest" };
const OTHER = { establishmentId: "palissy", zoneId: "est" };

test.each<[string, Caller, boolean, boolean, boolean, boolean]>([
  // who, caller, reads own school, reads the other, writes own school (zone Ouest), writes the other
  ["a school's correspondent", caller("requester", { establishmentIds: ["choiseul"] }), true, false, false, false],
  ["a school head", caller("manager", { establishmentIds: ["choiseul"] }), true, false, false, false],
  ["a technician of zone Ouest", caller("technician", { zoneIds: ["ouest"] }), true, true, true, false],
  ["a sector lead of zone Ouest", caller("sector_lead", { zoneId: "ouest", zoneIds: ["ouest"] }), true, true, true, false],
  ["a regional expert without a zone", caller("technician"), true, true, false, false],
  ["the service lead", caller("service_lead"), true, true, true, true],
  ["an admin", caller("admin"), true, true, true, true],
  ["an Académie agent", caller("academy_agent"), true, true, false, false],
  ["a vendor agent", caller("vendor_agent"), false, false, false, false],
])("%s", (_who, who, readOwn, readOther, writeOwn, writeOther) => {
  expect([canReadCisOf(who, OWN), canReadCisOf(who, OTHER), canWriteCisOf(who, OWN), canWriteCisOf(who, OTHER)]).toEqual([
    readOwn,
    readOther,
    writeOwn,
    writeOther,
  ]);
  expect(keepsInventory(who)).toBe(writeOwn || writeOther);
});
