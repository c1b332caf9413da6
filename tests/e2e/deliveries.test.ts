import { expect, inject, test } from "vitest";
import { parisDay } from "@/lib/domain/business-calendar";
import { browserForFile, signedInPage } from "../support/browser";
import { bearerFor } from "../support/fetch-sign-in";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

test("the CSL checks a delivery of 12 PCs by typing serials, reports one damaged; the others appear in the school's inventory", async () => {
  // The Région's service lead records the delivery of 12 PCs to Choiseul, delivered today (its 5 working days ahead).
  const run = Date.now().toString(36).toUpperCase();
  const serials = Array.from({ length: 12 }, (_, index) => `E2E${run}P${String(index + 1).padStart(2, "0")}`);
  const created = await fetch(`${baseUrl}/api/v1/deliveries`, {
    method: "POST",
    headers: {
      authorization: await bearerFor(baseUrl, "chef.service@guichet.test", "10.27.0.1"),
      "content-type": "application/json",
      "x-forwarded-for": "10.27.0.1",
    },
    body: JSON.stringify({
      establishmentUai: "0370037P",
      supplier: `Inmac ${run}`,
      deliveredOn: parisDay(new Date()),
      lines: [{ code: "pc", model: "HP Elite 800 G9", quantity: 12, room: "B204" }],
    }),
  });
  expect(created.status).toBe(201);
  const delivery = (await created.json()) as { id: string; state: string; checkBy: string };
  expect(delivery.state).toBe("delivered");
  expect(new Date(delivery.checkBy).getTime()).toBeGreaterThan(Date.now());

  // Claire Martin, the CSL, finds it from her school's page.
  const page = await signedInPage(browser(), baseUrl, "10.27.0.2", "csl.choiseul@guichet.test");
  await page.goto("/mon-etablissement");
  await page.getByRole("link", { name: "Livraisons" }).click();
  await page.waitForURL(`${baseUrl}/livraisons`);
  await page.getByRole("link", { name: `Lycée Choiseul : Inmac ${run}` }).click();
  await page.waitForURL(`${baseUrl}/livraisons/${delivery.id}`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Livraison de Inmac ${run} à Lycée Choiseul`);
  expect(await page.getByText("Livrée, à contrôler").count()).toBe(1);

  // She types (or scans: each serial then Enter) the 12 serials, and reports the 7th damaged.
  const line = page.getByRole("group", { name: /Ligne 1 : PC HP Elite 800 G9/ });
  const box = line.getByLabel("Numéros de série reçus");
  for (const serial of serials) {
    await box.pressSequentially(serial.toLowerCase());
    await box.press("Enter");
  }
  await line.getByLabel("Anomalie", { exact: true }).selectOption("damaged");
  await line.getByLabel("Numéros concernés par l'anomalie (vide : toute la ligne)").fill(serials[6]!);
  await line.getByLabel("Remarque sur l'anomalie").fill("Carter enfoncé");
  await page.getByRole("button", { name: "Enregistrer le contrôle" }).click();
  await page.waitForURL(`${baseUrl}/livraisons/${delivery.id}?controle=1`);
  expect(await page.getByRole("status").textContent()).toMatch(/^Contrôle enregistré : .* \(ticket GU-\d{4}-\d{6}\)\.$/);

  await page.reload();
  expect(await page.getByText("Avec anomalies").count()).toBe(1);
  expect(await page.getByText("11 équipements entrés à l'inventaire").count()).toBe(1);
  expect(await page.getByText(`Abîmé (${serials[6]})`).count()).toBe(1);
  const ticket = page.getByRole("link", { name: /^GU-\d{4}-\d{6}$/ });
  expect(await ticket.count()).toBe(1);
  expect(await page.getByRole("button", { name: "Enregistrer le contrôle" }).count()).toBe(0);

  // The accepted PCs are in the school's inventory, in stock in room B204; the damaged one is not.
  await page.goto(`/inventaire?q=E2E${run}`);
  const rows = page.locator("tbody tr");
  await expect.poll(() => rows.count()).toBe(11);
  expect(await page.getByRole("link", { name: serials[0]! }).count()).toBe(1);
  expect(await page.getByRole("link", { name: serials[6]! }).count()).toBe(0);
  await page.getByRole("link", { name: serials[0]! }).click();
  await page.waitForURL(/\/inventaire\/equipements\//);
  const main = await page.locator("main").textContent();
  expect(main).toContain("HP Elite 800 G9");
  expect(main).toContain("B204");
  expect(main).toContain("Stock");

  // Another school's CSL does not see it.
  const other = await signedInPage(browser(), baseUrl, "10.27.0.3", "csl.palissy@guichet.test");
  expect((await other.goto(`/livraisons/${delivery.id}`))?.status()).toBe(404);
  await other.goto("/livraisons");
  expect(await other.getByRole("link", { name: `Lycée Choiseul : Inmac ${run}` }).count()).toBe(0);
}, 180_000);

test("the service lead records a delivery from the supplier's note: a dry run, then the delivery; the school's recycling list opens", async () => {
  const run = Date.now().toString(36).toUpperCase();
  const note = [
    "Référence;Modèle;Salle;N° de série",
    `pc;Lenovo M70q;A101;NOTE${run}1`,
    `pc;Lenovo M70q;A101;NOTE${run}2`,
    `pc;;A101;NOTE${run}3`,
  ].join("\r\n");
  const page = await signedInPage(browser(), baseUrl, "10.27.0.4", "chef.service@guichet.test");
  await page.goto("/livraisons");
  await page.getByRole("link", { name: "Enregistrer une livraison" }).click();
  await page.waitForURL(`${baseUrl}/livraisons/nouvelle`);
  // The page also prepares a delivery from an allocation, in a form of its own.
  const noteForm = page.locator("form").filter({ has: page.getByLabel("Bon de livraison (CSV)") });
  await noteForm.getByLabel("UAI de l'établissement").fill("0370037P");
  await noteForm.getByLabel("Fournisseur").fill(`Note ${run}`);
  await noteForm.getByLabel("Bon de livraison (CSV)").setInputFiles({ name: "bon.csv", mimeType: "text/csv", buffer: Buffer.from(note) });
  await page.getByRole("button", { name: "Vérifier (essai à blanc)" }).click();
  await expect.poll(() => page.getByText("Essai à blanc : rien n'a été enregistré.").count()).toBe(1);
  expect(await page.getByText("2 équipements ou lots acceptés, 1 ligne refusée").count()).toBe(1);
  expect(await page.getByText("Modèle manquant.").count()).toBe(1);
  await page.getByRole("button", { name: "Enregistrer la livraison" }).click();
  await expect.poll(() => page.getByText("Livraison enregistrée.").count()).toBe(1);
  await page.getByRole("link", { name: `NOTE${run}1` }).click();
  await page.waitForURL(/\/livraisons\/[0-9a-f-]{36}$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Livraison de Note ${run} à Lycée Choiseul`);
  expect(await page.getByText("1. PC Lenovo M70q").count()).toBe(1);
  // The Région's staff do not check it for the school.
  expect(await page.getByRole("button", { name: "Enregistrer le contrôle" }).count()).toBe(0);

  // The school's recycling list, from its page.
  const school = await signedInPage(browser(), baseUrl, "10.27.0.5", "proviseur.choiseul@guichet.test");
  await school.goto("/mon-etablissement");
  await school.getByRole("link", { name: "Équipements à recycler" }).click();
  await school.waitForURL(`${baseUrl}/livraisons/recyclage/0370037P`);
  expect(await school.getByRole("heading", { level: 1 }).textContent()).toBe("Équipements à recycler : Lycée Choiseul");
  // A school's staff do not record deliveries.
  expect((await school.goto("/livraisons/nouvelle"))?.status()).toBe(404);
});
