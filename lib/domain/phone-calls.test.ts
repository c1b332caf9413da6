import { describe, expect, test } from "vitest";
import type { Role } from "./vocabulary";
import { canTakeCallFor, isContactOf, takesCalls } from "./phone-calls";

const school = { id: "school-1", zoneId: "zone-north" };

describe("canTakeCallFor", () => {
  test.each<[Role, string[], boolean]>([
    ["technician", ["zone-north"], true],
    ["technician", ["zone-south"], false],
    ["technician", [], false],
    ["sector_lead", ["zone-north"], true],
    ["sector_lead", ["zone-south"], false],
    ["service_lead", [], true],
    ["admin", [], true],
    ["academy_agent", [], true],
    ["vendor_agent", ["zone-north"], false],
    ["requester", ["zone-north"], false],
    ["manager", ["zone-north"], false],
  ])("%s covering %j → %s", (role, zoneIds, expected) => {
    expect(canTakeCallFor({ role, zoneIds }, school)).toBe(expected);
  });
});

describe("takesCalls", () => {
  test.each<[Role, boolean]>([
    ["technician", true],
    ["sector_lead", true],
    ["service_lead", true],
    ["academy_agent", true],
    ["admin", true],
    ["vendor_agent", false],
    ["requester", false],
    ["manager", false],
  ])("%s → %s", (role, expected) => expect(takesCalls({ role })).toBe(expected));
});

describe("isContactOf", () => {
  const contact = { id: "u", role: "requester", disabled: false, establishmentIds: ["school-1"] };
  test.each([
    ["a requester of the school", contact, true],
    ["its head", { ...contact, role: "manager" }, true],
    ["someone of another school", { ...contact, establishmentIds: ["school-2"] }, false],
    ["a disabled account", { ...contact, disabled: true }, false],
    ["a technician", { ...contact, role: "technician" }, false],
  ])("%s → %s", (_label, who, expected) => expect(isContactOf(who, "school-1")).toBe(expected));
});
