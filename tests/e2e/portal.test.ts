import { expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn, menuLink } from "../support/browser";
import { readMailbox } from "../support/mailbox";
import { sampleFiles } from "../support/sample-files";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

/** Files a ticket for Lycée Bernard Palissy through the API, as its correspondent. */
async function palissyTicket(): Promise<string> {
  const context = await newClient(browser(), baseUrl, "10.4.0.9");
  const token = await context.request.post("/api/v1/tokens", {
    data: { email: "csl.palissy@guichet.test", password: "demo-guichet-2026" },
  });
  const created = await context.request.post("/api/v1/tickets", {
    headers: { authorization: `Bearer ${((await token.json()) as { token: string }).token}` },
    data: {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-WIFI",
      establishmentUai: "0450029M",
      title: "WiFi du CDI instable",
      description: "Coupures toutes les dix minutes.",
      impact: "group",
      urgency: "medium",
      fields: { area: "CDI" },
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  await context.close();
  return reference;
}

test("a requester browses the catalogue, files an incident on an inventoried PC with a photo, is mailed, follows and answers it", async () => {
  const foreign = await palissyTicket();
  const context = await newClient(browser(), baseUrl, "10.4.0.1");
  const page = await context.newPage();
  await signIn(page, "csl.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);

  // The catalogue, searched without accents.
  await menuLink(page, "Catalogue des services").click();
  await page.getByPlaceholder("Rechercher un service (accents ignorés)").fill("poste de travail");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL(/q=poste/);
  const service = page.getByRole("article", { name: "Gestion du poste de travail" });
  expect(await service.getByText("Installation et intégration au réseau des postes validés").count()).toBe(1);
  expect(await service.getByText("Ordinateurs personnels").count()).toBe(1);

  // The guided form of "Poste en panne".
  await service.getByRole("link", { name: "Signaler : Poste en panne (ne démarre pas, matériel défectueux)" }).click();
  await page.waitForURL(/\/signaler\/POSTE-PANNE$/);
  await page.getByLabel("Titre").fill("Le poste 5 de la salle A007 ne démarre plus");
  await page.getByLabel("Description").fill("Aucun voyant à l'allumage depuis ce matin.");
  await page.getByLabel("Une salle ou un service").check();
  await page.getByLabel("Un cours ou un examen est bloqué").check();
  expect(await page.getByTestId("computed-priority").textContent()).toBe("Priorité calculée : P2");
  await page.getByPlaceholder("Rechercher un équipement").fill("a007-pc05");
  const add = page.getByRole("option", { name: /^0370037p-a007-pc05/ });
  await add.click();
  await expect.poll(() => page.getByRole("list", { name: "Équipements choisis" }).textContent()).toContain("0370037p-a007-pc05");
  await page
    .getByLabel("Pièces jointes")
    .setInputFiles({ name: "écran noir.png", mimeType: "image/png", buffer: Buffer.from(sampleFiles.png()) });
  await page.getByRole("button", { name: "Envoyer" }).click();

  await page.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  const reference = /GU-\d{4}-\d{6}/.exec(page.url())![0];
  expect(await page.getByText(`Votre demande ${reference} est enregistrée`).count()).toBe(1);
  expect(await page.getByRole("link", { name: /écran noir\.png/ }).count()).toBe(1);
  expect(await page.locator("body").textContent()).toContain("0370037p-a007-pc05");

  // "My tickets" lists it.
  await page.getByRole("link", { name: "Mes demandes" }).first().click();
  await page.waitForURL(`${baseUrl}/demandes`);
  expect(await page.getByRole("link", { name: reference }).count()).toBe(1);

  // The creation e-mail, sent by the worker, reaches the requester.
  await expect
    .poll(async () => (await readMailbox(mailDir)).find((mail) => mail.subject.includes(reference)), { timeout: 20_000 })
    .toBeTruthy();
  const mail = (await readMailbox(mailDir)).find((message) => message.subject.includes(reference))!;
  expect(mail.to).toEqual(["csl.choiseul@guichet.test"]);
  expect(mail.subject).toContain("enregistrée");
  expect(mail.text).toContain(`${baseUrl}/demandes/${reference}`);

  // A reply on the ticket page appears in its history.
  await page.getByRole("link", { name: reference }).click();
  await page.getByLabel("Votre message").fill("Le poste est le 5e en partant de la fenêtre.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect.poll(() => page.getByText("Le poste est le 5e en partant de la fenêtre.").count()).toBe(1);

  // Another school's ticket does not exist for this requester.
  const response = await page.goto(`/demandes/${foreign}`);
  expect(response?.status()).toBe(404);
  await context.close();
});

test("an e-mail's link, opened signed out, comes back to the ticket after signing in", async () => {
  const reference = await palissyTicket();
  const context = await newClient(browser(), baseUrl, "10.4.0.3");
  const page = await context.newPage();
  await page.goto(`/demandes/${reference}`);
  await page.waitForURL(/\/connexion\?callbackUrl=/);
  await page.getByLabel("Adresse e-mail").fill("csl.palissy@guichet.test");
  await page.getByLabel("Mot de passe").fill("demo-guichet-2026");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL(`${baseUrl}/demandes/${reference}`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("WiFi du CDI instable");
  await context.close();
});

test("a self-help task shows the advice first, and the survey calendar refuses an equipment request out of season", async () => {
  const context = await newClient(browser(), baseUrl, "10.4.0.4");
  const page = await context.newPage();
  await signIn(page, "csl.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);
  await page.goto("/signaler/IMPR-CONSOMMABLE");
  expect(await page.getByRole("heading", { name: "Avant de signaler : c'est une tâche de votre établissement" }).count()).toBe(1);
  await page.getByRole("link", { name: "Signaler quand même" }).click();
  await page.waitForURL(/conseil=lu/);
  expect(await page.getByLabel("Titre").count()).toBe(1);

  // The survey runs in February and March: outside them the form is replaced by the calendar.
  await page.goto("/signaler/EQUIP-DOTATION");
  const month = new Date().getUTCMonth() + 1;
  if (month === 2 || month === 3) expect(await page.getByLabel("Matériels et quantités").count()).toBe(1);
  else
    expect(await page.getByRole("alert").filter({ hasText: "enquête annuelle" }).textContent()).toContain(
      "livraison en octobre et novembre",
    );
  await context.close();
});
