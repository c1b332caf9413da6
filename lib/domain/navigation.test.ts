import { expect, test } from "vitest";
import { navigationFor } from "./navigation";
import { canFileTicketFor } from "./permissions";
import { ROLES } from "./vocabulary";

test.each([
  [
    "requester",
    ["home", "file", "myTickets", "catalogue", "serviceStatus", "help", "whoDoesWhat", "myEstablishments", "inventory", "account"],
  ],
  [
    "manager",
    [
      "home",
      "file",
      "myTickets",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "myEstablishments",
      "inventory",
      "dashboards",
      "account",
    ],
  ],
  [
    "technician",
    [
      "home",
      "desk",
      "planning",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "establishments",
      "inventory",
      "deliveries",
      "account",
    ],
  ],
  [
    "sector_lead",
    [
      "home",
      "desk",
      "planning",
      "slaSummary",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "establishments",
      "inventory",
      "deliveries",
      "dashboards",
      "onboarding",
      "campaigns",
      "account",
    ],
  ],
  [
    "service_lead",
    [
      "home",
      "desk",
      "slaSummary",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "establishments",
      "inventory",
      "deliveries",
      "dashboards",
      "onboarding",
      "campaigns",
      "criticalPeriods",
      "account",
    ],
  ],
  [
    "academy_agent",
    ["home", "desk", "catalogue", "serviceStatus", "help", "whoDoesWhat", "establishments", "inventory", "deliveries", "account"],
  ],
  ["vendor_agent", ["home", "desk", "catalogue", "serviceStatus", "help", "whoDoesWhat", "account"]],
  [
    "admin",
    [
      "home",
      "desk",
      "planning",
      "slaSummary",
      "catalogue",
      "serviceStatus",
      "help",
      "whoDoesWhat",
      "establishments",
      "inventory",
      "deliveries",
      "dashboards",
      "users",
      "routing",
      "calendars",
      "journal",
      "organisation",
      "onboarding",
      "campaigns",
      "mail",
      "criticalPeriods",
      "account",
    ],
  ],
] as const)("%s sees %j", (role, keys) => {
  expect(navigationFor({ role }).map((item) => item.key)).toEqual(keys);
});

test("every role has a menu", () => {
  for (const role of ROLES) expect(navigationFor({ role }).length).toBeGreaterThan(0);
});

test.each([
  { role: "requester", own: ["e1"], target: "e1", allowed: true },
  { role: "requester", own: ["e1"], target: "e2", allowed: false },
  { role: "manager", own: ["e1"], target: "e1", allowed: true },
  { role: "academy_agent", own: [], target: "e2", allowed: true },
  { role: "technician", own: [], target: "e2", allowed: true },
  { role: "vendor_agent", own: [], target: "e2", allowed: false },
] as const)("$role with $own files for $target: $allowed", ({ role, own, target, allowed }) => {
  expect(canFileTicketFor({ role, establishmentIds: [...own] }, target)).toBe(allowed);
});
