import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";
import { headerStatus, recordOnSiteIntervention, resolveTicket } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const SUMMARY = "Borne Wi-Fi du CDI redémarrée et réaffectée au bon VLAN : connexion rétablie.";
const DETAILS = "VLAN 40 au lieu de 42 sur le port 7 du switch SR11 ; configuration sauvegardée.";

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

test("a technician records an on-site intervention and resolves; the school reads the summary and the time spent, never the details", async () => {
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.14.0.1", ["Wi-Fi coupé au CDI"], {
    categoryCode: "RES-WIFI",
    description: "Plus de Wi-Fi au CDI depuis ce matin.",
    urgency: "medium",
    fields: { area: "CDI" },
  });

  const desk = await signedIn("10.14.0.2", "tech.ouest@guichet.test");
  await desk.goto(`/bureau/tickets/${reference}`);
  await desk.getByRole("button", { name: "Prendre en charge" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En cours");

  // The intervention: on site (the default), started now (the default), 45 minutes and 20 of travel.
  const form = await recordOnSiteIntervention(desk, { minutes: "45", travelMinutes: "20", summary: SUMMARY, details: DETAILS });
  const list = desk.locator("[data-interventions]");
  const listed = await list.innerText();
  expect(listed).toContain("Temps passé : 45 min, dont déplacement 20 min");
  expect(listed).toContain("Sur site");
  expect(await list.locator("details").innerText()).toContain("Détails pour l'équipe");

  // A bad duration is refused next to its field, and nothing more is listed.
  await form.getByLabel("Durée (minutes)").fill("0");
  await form.getByLabel("Ce qui a été fait (lu par l'établissement)").fill("Deuxième passage");
  await form.getByRole("button", { name: "Enregistrer l'intervention" }).click();
  await expect.poll(() => form.innerText()).toContain("La durée va de 1 à 1440 minutes.");
  expect(await list.locator("li").count()).toBe(1);

  await resolveTicket(desk, "Connexion rétablie au CDI.");

  const school = await signedIn("10.14.0.3", "csl.choiseul@guichet.test");
  await school.goto(`/demandes/${reference}`);
  expect(await headerStatus(school)).toContain("Résolu");
  const interventions = await school.locator("[data-interventions]").innerText();
  expect(interventions).toContain(SUMMARY);
  expect(interventions).toContain("Temps passé : 45 min, dont déplacement 20 min");
  const shown = await school.locator("main").innerText();
  expect(shown).not.toContain(DETAILS);
  expect(shown).not.toContain("Détails pour l'équipe");
});
