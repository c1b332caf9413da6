import { describe, expect, test } from "vitest";
import type { Caller } from "./caller";
import { canBeReferentOf, canManagePlanningOf, canSetReferentsOf, type PlanningOwner } from "./planning-access";

const caller = (role: Caller["role"], extra: Partial<Caller> = {}) => ({ id: "me", role, zoneId: null, ...extra });
const emma: PlanningOwner = { id: "emma", role: "technician", zoneIds: ["est"] };

describe("canManagePlanningOf", () => {
  test.each([
    ["the technician themself", caller("technician", { id: "emma" }), emma, true],
    ["another technician of the zone", caller("technician"), emma, false],
    ["the zone's sector lead", caller("sector_lead", { zoneId: "est" }), emma, true],
    ["another zone's sector lead", caller("sector_lead", { zoneId: "ouest" }), emma, false],
    ["a sector lead without a zone", caller("sector_lead"), emma, false],
    ["an admin", caller("admin"), emma, true],
    ["the service lead", caller("service_lead"), emma, false],
    ["a requester", caller("requester"), emma, false],
    ["an admin, for a requester (no planning)", caller("admin"), { ...emma, role: "requester" as const }, false],
  ])("%s: %s", (_label, who, owner, expected) => {
    expect(canManagePlanningOf(who, owner)).toBe(expected);
  });
});

describe("canSetReferentsOf", () => {
  test.each([
    ["the zone's sector lead", caller("sector_lead", { zoneId: "est" }), true],
    ["another zone's sector lead", caller("sector_lead", { zoneId: "ouest" }), false],
    ["an admin", caller("admin"), true],
    ["a technician of the zone", caller("technician", { zoneId: null }), false],
    ["a manager", caller("manager"), false],
  ])("%s: %s", (_label, who, expected) => {
    expect(canSetReferentsOf(who, { zoneId: "est" })).toBe(expected);
  });
});

describe("canBeReferentOf", () => {
  test.each([
    ["a technician of the zone", { role: "technician" as const, disabled: false, zoneIds: ["est"] }, true],
    ["a technician of another zone", { role: "technician" as const, disabled: false, zoneIds: ["ouest"] }, false],
    ["a disabled technician", { role: "technician" as const, disabled: true, zoneIds: ["est"] }, false],
    ["a requester", { role: "requester" as const, disabled: false, zoneIds: ["est"] }, false],
    ["a sector lead", { role: "sector_lead" as const, disabled: false, zoneIds: ["est"] }, false],
  ])("%s: %s", (_label, person, expected) => {
    expect(canBeReferentOf(person, { zoneId: "est" })).toBe(expected);
  });
});
