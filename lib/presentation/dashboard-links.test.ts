import { expect, test } from "vitest";
import { ROLES } from "../domain/vocabulary";
import { schoolsHref } from "./dashboard-links";
import { zoneDashboardAccess } from "../domain/dashboard-access";

test.each([
  ["manager", "/tableaux-de-bord"],
  ["sector_lead", "/tableaux-de-bord/region"],
  ["service_lead", "/tableaux-de-bord/region"],
  ["admin", "/tableaux-de-bord/region"],
] as const)("a %s is sent to %s for other schools", (role, href) => {
  expect(schoolsHref({ role })).toBe(href);
});

test.each(ROLES)("a %s is never sent to the regional view it cannot open", (role) => {
  const opensRegion = zoneDashboardAccess({ role, zoneIds: [] }, { id: "z" }) !== "forbidden";
  expect(schoolsHref({ role }) === "/tableaux-de-bord/region").toBe(opensRegion);
});
