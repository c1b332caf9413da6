import { expect, inject, test } from "vitest";
import { parisDay } from "@/lib/domain/business-calendar";
import { addDays } from "@/lib/domain/dashboard-period";
import { browserForFile, menuLink, newClient, signIn, signedInPage } from "../support/browser";
import { queryE2eDatabase } from "../support/e2e-database";
import { bearerFor } from "../support/fetch-sign-in";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();
const YEAR = 2041;

/** The phases with today in the survey (`shift` 0) or in the analysis (`shift` -15). */
function phases(shift: number) {
  const day = (offset: number) => addDays(parisDay(new Date()), offset + shift);
  return {
    survey: { from: day(-5), to: day(4) },
    analysis: { from: day(5), to: day(24) },
    allocation: { from: day(25), to: day(34) },
    delivery: { from: day(35), to: day(44) },
  };
}

test("the head completes and submits the questionnaire on a phone; the sector lead allocates it within the envelope", async () => {
  const created = await fetch(`${baseUrl}/api/v1/campaigns`, {
    method: "POST",
    headers: { authorization: await bearerFor(baseUrl, "chef.service@guichet.test", "10.17.0.1"), "content-type": "application/json" },
    body: JSON.stringify({
      year: YEAR,
      phases: phases(0),
      catalogue: [
        { code: "PC-MULTI", label: "PC multimédia", class: "pc", model: "Dell OptiPlex 7020", unitCost: 800 },
        { code: "VP-INTER", label: "Vidéoprojecteur interactif", class: "video_projector", model: "Epson EB-735Fi", unitCost: 1500 },
      ],
      envelopes: { OUEST: 50_000 },
    }),
  });
  expect(created.status).toBe(201);

  // The head, on a 360 px phone, is led from the home page to the questionnaire.
  const phone = await newClient(browser(), baseUrl, "10.17.0.2", { width: 360, height: 740 });
  const page = await phone.newPage();
  await signIn(page, "proviseur.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole("link", { name: `Remplir le questionnaire de dotation ${YEAR}` }).click();
  await page.waitForURL(`${baseUrl}/campagnes/${YEAR}/etablissements/0370037P`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Questionnaire de dotation ${YEAR}`);
  expect(await page.getByText("Ce que dit l'inventaire").count()).toBe(1);

  // Whatever the inventory pre-filled is dropped; the head states one need.
  const remove = page.getByRole("button", { name: /^Retirer la ligne/ });
  while ((await remove.count()) > 0) await remove.first().click();
  await page.getByLabel("Nombre d'élèves").fill("1100");
  await page.getByRole("button", { name: "Ajouter une ligne" }).click();
  await page.getByLabel("Matériel").selectOption("VP-INTER");
  await page.getByLabel("Salle").fill("B204");
  await page.getByLabel("Quantité").fill("3");
  await page.getByLabel("Nature").selectOption("extension");
  await page.getByLabel("Priorité").selectOption("1");
  await page.getByLabel("Justification").fill("Salles de sciences sans vidéoprojecteur.");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  // Saved, the draft can be signed: the head's submit approves it at once.
  await page.getByRole("button", { name: "Soumettre et signer le questionnaire" }).click();
  await expect.poll(() => page.getByText("État : Approuvé").count()).toBe(1);
  expect(await page.locator("main").textContent()).toContain(
    "B204 — 3 × Vidéoprojecteur interactif — Extension, Priorité 1 (indispensable)",
  );
  await phone.close();

  // The survey ends; in the analysis the Ouest sector lead finds the school in the campaign's progress.
  const analysis = phases(-15);
  await queryE2eDatabase(
    databaseUrl,
    `UPDATE campaigns SET survey_from = $2, survey_to = $3, analysis_from = $4, analysis_to = $5, allocation_from = $6, allocation_to = $7,
       delivery_from = $8, delivery_to = $9 WHERE year = $1`,
    [
      YEAR,
      analysis.survey.from,
      analysis.survey.to,
      analysis.analysis.from,
      analysis.analysis.to,
      analysis.allocation.from,
      analysis.allocation.to,
      analysis.delivery.from,
      analysis.delivery.to,
    ],
  );
  const lead = await signedInPage(browser(), baseUrl, "10.17.0.3", "chef.ouest@guichet.test");
  await lead.goto(`/campagnes/${YEAR}`);
  expect(await lead.getByRole("region", { name: "Synthèse par zone" }).textContent()).toContain("Zone Ouest");
  await lead.getByRole("region", { name: "Avancement par établissement" }).getByRole("link", { name: "Lycée Choiseul" }).click();
  await lead.waitForURL(`${baseUrl}/campagnes/${YEAR}/etablissements/0370037P`);
  // A cut without a reason is refused; with one, it is recorded.
  await lead.getByLabel("Quantité accordée").fill("2");
  await lead.getByRole("button", { name: "Enregistrer la dotation" }).click();
  await expect.poll(() => lead.locator("main").textContent()).toContain("Indiquez le motif de la réduction.");
  await lead.getByLabel("Motif (obligatoire si la demande est réduite)").fill("Une salle déjà équipée en 2040");
  await lead.getByRole("button", { name: "Enregistrer la dotation" }).click();
  await expect.poll(() => lead.getByText("État : Dotation décidée").count()).toBe(1);
  const [line] = await queryE2eDatabase<{ granted_quantity: number; allocation_reason: string }>(
    databaseUrl,
    `SELECT l.granted_quantity, l.allocation_reason FROM campaign_request_lines l JOIN campaign_requests r ON r.id = l.request_id
       JOIN campaigns c ON c.id = r.campaign_id WHERE c.year = $1`,
    [YEAR],
  );
  expect(line).toEqual({ granted_quantity: 2, allocation_reason: "Une salle déjà équipée en 2040" });
  await lead.goto(`/campagnes/${YEAR}`);
  expect(await lead.getByRole("region", { name: "Synthèse par zone" }).textContent()).toMatch(/3\s000\s€/);
  await lead.context().close();

  // The service lead finds the campaign in the menu, with the form opening the next one, and the Région's total.
  const region = await signedInPage(browser(), baseUrl, "10.17.0.4", "chef.service@guichet.test");
  await menuLink(region, "Campagnes de dotation").click();
  await region.waitForURL(`${baseUrl}/campagnes`);
  expect(await region.getByRole("heading", { name: "Ouvrir une campagne" }).count()).toBe(1);
  await region.getByRole("link", { name: `Campagne ${YEAR}` }).click();
  await region.waitForURL(`${baseUrl}/campagnes/${YEAR}`);
  expect(await region.getByRole("region", { name: "Synthèse par zone" }).textContent()).toContain("Région");
  await region.context().close();
});
