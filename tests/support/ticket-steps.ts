import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { visitDay } from "@/lib/presentation/visit-day";

/** The ticket's status line, on the desk's and the portal's ticket pages alike. */
export const headerStatus = (page: Page) => page.locator("article > header").textContent();

/** A school correspondent files a workstation incident from the portal's form (a room, not a CI): its reference. */
export async function fileInPortal(page: Page, ticket: { title: string; description: string }): Promise<string> {
  await page.goto("/signaler/POSTE-PANNE");
  await page.getByLabel("Titre").fill(ticket.title);
  await page.getByLabel("Description").fill(ticket.description);
  await page.getByLabel("Une salle ou un service").check();
  await page.getByRole("button", { name: "Envoyer" }).click();
  await page.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  return /GU-\d{4}-\d{6}/.exec(page.url())![0];
}

/**
 * On the desk's ticket page, the technician plans the visit on the first proposed slot: its date, and the line the
 * school then reads on the ticket ("Intervention prévue le mardi 9 décembre, matin").
 */
export async function planFirstProposedSlot(page: Page): Promise<{ onDate: string; said: string }> {
  const slot = (await page.locator("input[name=slot]").first().getAttribute("value"))!;
  expect(slot).toMatch(/^\d{4}-\d{2}-\d{2}\|(am|pm)\|/);
  const [onDate, halfDay] = slot.split("|") as [string, "am" | "pm"];
  await page.getByRole("button", { name: "Planifier l'intervention" }).click();
  await expect.poll(() => page.getByText("L'intervention est planifiée ; l'établissement est prévenu.").count()).toBe(1);
  return { onDate, said: `Intervention prévue le ${visitDay(onDate, "fr")}, ${halfDay === "am" ? "matin" : "après-midi"}` };
}

/** On the desk's ticket page, records an intervention on site (the form's default mode), started now (its default): the form. */
export async function recordOnSiteIntervention(
  page: Page,
  intervention: { minutes: string; travelMinutes: string; summary: string; details: string },
): Promise<Locator> {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Enregistrer l'intervention" }) });
  expect(await form.getByLabel("Mode").inputValue()).toBe("on_site");
  await form.getByLabel("Durée (minutes)").fill(intervention.minutes);
  await form.getByLabel("Temps de déplacement (minutes)").fill(intervention.travelMinutes);
  await form.getByLabel("Ce qui a été fait (lu par l'établissement)").fill(intervention.summary);
  await form.getByLabel("Détails pour l'équipe (non visibles de l'établissement)").fill(intervention.details);
  await form.getByRole("button", { name: "Enregistrer l'intervention" }).click();
  await expect.poll(() => page.locator("[data-interventions]").innerText()).toContain(intervention.summary);
  return form;
}

/** On the desk's ticket page, resolves the ticket with a message to the requester. */
export async function resolveTicket(page: Page, message: string): Promise<void> {
  await page.getByLabel("Nouveau statut").selectOption({ label: "Résolu" });
  await page.getByLabel("Message au demandeur (facultatif)").fill(message);
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => headerStatus(page)).toContain("Résolu");
}
