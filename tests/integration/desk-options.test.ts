import { beforeAll, expect, test } from "vitest";
import type { Caller } from "@/lib/domain/caller";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { listDeskTeams, listHoldingTeamMembers } from "@/lib/services/desk/desk-options";
import { callerFor } from "../support/callers";

let requester: Caller, techOuest: Caller, techEst: Caller;

beforeAll(async () => {
  [requester, techOuest, techEst] = await Promise.all([
    callerFor("csl.choiseul@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
    callerFor("tech.est@guichet.test"),
  ]);
});

test("the desk's teams come grouped by party, vendors' queues naming their vendor, schools' own queues left out", async () => {
  const teams = await listDeskTeams(techOuest);
  expect(teams?.vendor).toContainEqual({ code: "PREST-SCC", name: "Prestataire SCC", vendorName: "SCC" });
  expect(teams?.academy.map((team) => team.code)).toContain("EQ-E-EOLE");
  expect(teams?.region.map((team) => team.code)).toContain("PROX-OUEST");
  expect(
    Object.values(teams!)
      .flat()
      .some((team) => team.code.startsWith("ETAB-")),
  ).toBe(false);
  expect(await listDeskTeams(requester)).toBeNull();
});

test("a ticket may be assigned to its holding team's members, for those who may see it", async () => {
  const created = await createTicket(
    requester,
    {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-PANNE",
      establishmentUai: "0370037P",
      title: "Plus de réseau en B12",
      description: "Aucun poste ne se connecte.",
      impact: "group",
      urgency: "high",
      fields: { rooms: "B12" },
      ciIds: [],
    },
    [],
    new Date(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  const members = await listHoldingTeamMembers(techOuest, created.value.reference);
  expect(members?.map((member) => member.id)).toContain(techOuest.id);
  expect(members?.map((member) => member.id)).not.toContain(techEst.id);
  expect(await listHoldingTeamMembers(techEst, created.value.reference)).toBeNull();
  expect(await listHoldingTeamMembers(requester, created.value.reference)).toBeNull();
  expect(await listHoldingTeamMembers(techOuest, "GU-1999-000001")).toBeNull();
});
