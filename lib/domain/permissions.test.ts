import { describe, expect, test } from "vitest";
import { can, canSeeEstablishment, onboardingScope } from "./permissions";
import { ROLES, type Role } from "./vocabulary";

const SCHOOL = "11111111-1111-1111-1111-111111111111";
const OTHER = "22222222-2222-2222-2222-222222222222";

describe("organisation.manage: admins only", () => {
  test.each(ROLES.map((role) => [role, role === "admin"] as const))("%s → %s", (role, expected) => {
    expect(can({ role }, "organisation.manage")).toBe(expected);
  });
});

describe("announcements: the Région and the Académie publish, school staff report", () => {
  const publishers: Role[] = ["service_lead", "academy_agent", "admin"];
  test.each(ROLES.map((role) => [role, publishers.includes(role)] as const))("%s publishes → %s", (role, expected) => {
    expect(can({ role }, "announcements.publish")).toBe(expected);
  });
  test.each(ROLES.map((role) => [role, role === "requester" || role === "manager"] as const))("%s reports → %s", (role, expected) => {
    expect(can({ role }, "announcements.report")).toBe(expected);
  });
});

describe("canSeeEstablishment", () => {
  test.each<[Role, string[], string, boolean]>([
    ["requester", [SCHOOL], SCHOOL, true],
    ["requester", [SCHOOL], OTHER, false],
    ["manager", [SCHOOL], SCHOOL, true],
    ["manager", [], SCHOOL, false],
    ["technician", [], OTHER, true],
    ["sector_lead", [], OTHER, true],
    ["academy_agent", [], OTHER, true],
    ["admin", [], OTHER, true],
    ["vendor_agent", [], SCHOOL, false],
    ["vendor_agent", [SCHOOL], SCHOOL, false],
  ])("%s of %j sees %s → %s", (role, establishmentIds, id, expected) => {
    expect(canSeeEstablishment({ role, establishmentIds }, id)).toBe(expected);
  });
});

describe("onboardingScope", () => {
  test.each<[Role, string | null, ReturnType<typeof onboardingScope>]>([
    ["admin", null, { kind: "all" }],
    ["service_lead", null, { kind: "all" }],
    ["sector_lead", "zone-ouest", { kind: "zone", zoneId: "zone-ouest" }],
    ["sector_lead", null, null],
    ["technician", "zone-ouest", null],
    ["manager", null, null],
    ["requester", null, null],
    ["vendor_agent", null, null],
  ])("%s (zone %s) → %j", (role, zoneId, expected) => {
    expect(onboardingScope({ role, zoneId })).toEqual(expected);
  });
});
