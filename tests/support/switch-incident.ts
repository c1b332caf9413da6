import { expect } from "vitest";
import { POST as create } from "@/app/api/v1/tickets/route";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { callRoute } from "./api-client";

/** Files the same network incident for Lycée Choiseul through the API route (a switch down in B204), as `token`'s holder. */
export async function fileSwitchIncident(token: string): Promise<TicketJson> {
  const response = await callRoute<TicketJson>(create, {
    path: "/tickets",
    token,
    body: {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-PANNE",
      establishmentUai: "0370037P",
      title: "Switch de la salle B204 en panne",
      description: "Plus aucune connexion en B204.",
      impact: "individual",
      urgency: "low",
      fields: { rooms: "B204" },
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}
