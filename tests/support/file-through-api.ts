import type { Browser } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { newClient } from "./browser";

/** A ticket's fields besides its title: a Lycée Choiseul network incident unless told otherwise. */
export type TicketFields = {
  categoryCode: string;
  urgency: "high" | "medium" | "low";
  description: string;
  fields: Record<string, unknown>;
};

/** Files tickets for Lycée Choiseul through the API, as its correspondent, one per title; their references. */
export async function fileThroughApi(
  browser: Browser,
  baseUrl: string,
  ip: string,
  titles: string[],
  ticket: TicketFields,
): Promise<string[]> {
  const context = await newClient(browser, baseUrl, ip);
  const token = await context.request.post("/api/v1/tokens", { data: { email: "csl.choiseul@guichet.test", password: DEMO_PASSWORD } });
  const authorization = `Bearer ${((await token.json()) as { token: string }).token}`;
  const references: string[] = [];
  for (const title of titles) {
    const created = await context.request.post("/api/v1/tickets", {
      headers: { authorization },
      data: { type: "incident", serviceCode: "RESEAU", establishmentUai: "0370037P", impact: "group", title, ...ticket },
    });
    expect(created.status()).toBe(201);
    references.push(((await created.json()) as { reference: string }).reference);
  }
  await context.close();
  return references;
}
