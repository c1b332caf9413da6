import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

/** A French export as Excel writes it: Windows-1252 (é as one byte), semicolons; two good rows and one for an unknown school. */
const EXPORT = [
  "name;class;establishment_uai;status;criticality;room;brand;model;serial_number;asset_number;region_number;os_family;os_version;os_install_date;cpu;ram_mb;disk_gb;purchase_date;funding;parent",
  "e2e-salle-e12-pc01;pc;0370037P;production;basse;E12 Électronique;HP;HP Pro SFF 400 G9;CZCE2E7781;;;Windows;win11-x64;2024-09-02;12th Gen Intel Core i5-12500;16384;476;15/07/2024;region;",
  "e2e-salle-e12-pc02;pc;0370037P;production;basse;E12 Électronique;HP;HP Pro SFF 400 G9;CZCE2E7782;;;Windows;win11-x64;2024-09-02;12th Gen Intel Core i5-12500;16384;476;15/07/2024;region;",
  "e2e-inconnu-pc01;pc;0370038X;production;basse;A1;HP;HP Pro SFF 400 G9;CZCE2E7783;;;;;;;;;2024-07-15;region;",
].join("\r\n");
const windows1252 = Buffer.from([...EXPORT].map((char) => (char === "É" ? 0xc9 : char.charCodeAt(0))));

test("a technician checks an inventory export, imports it, finds a machine by part of its serial number and marks the room's PCs obsolete", async () => {
  const page = await signedIn("10.6.0.1", "tech.ouest@guichet.test");
  await page.getByRole("link", { name: "Inventaire" }).first().click();
  await page.waitForURL(`${baseUrl}/inventaire`);
  await page.getByRole("link", { name: "Importer un fichier" }).click();
  await page.waitForURL(`${baseUrl}/inventaire/import`);

  await page.getByLabel("Fichier CSV").setInputFiles({ name: "export-glpi.csv", mimeType: "text/csv", buffer: windows1252 });
  await page.getByRole("button", { name: "Vérifier (essai à blanc)" }).click();
  await expect.poll(() => page.getByText("Essai à blanc : rien n'a été enregistré.").count()).toBe(1);
  expect(await page.getByText("2 à créer, 0 à mettre à jour, 0 inchangés, 1 refusés").count()).toBe(1);
  expect(await page.getByText("Fichier lu en Windows-1252, séparateur « ; ».").count()).toBe(1);
  const rejected = page.locator("tr[data-action=reject]");
  expect(await rejected.count()).toBe(1);
  expect(await rejected.textContent()).toMatch(/UAI (inconnu|invalide)/);
  expect(await page.getByRole("link", { name: "Télécharger le rapport d'erreurs (CSV)" }).count()).toBe(1);

  // The file stays chosen: the accepted rows go in.
  await page.getByRole("button", { name: "Importer les lignes acceptées" }).click();
  await expect.poll(() => page.getByText("Import terminé.").count()).toBe(1);
  expect(await page.getByText("2 créés, 0 mis à jour, 0 inchangés, 1 refusés").count()).toBe(1);

  // Part of a serial number finds the machine.
  await page.goto("/inventaire");
  await page.getByLabel("Nom, numéro de série, modèle, salle (une partie suffit)").fill("e2e778");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.waitForURL(/q=e2e778/);
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBe(2);
  expect(await page.getByRole("link", { name: "e2e-salle-e12-pc01" }).count()).toBe(1);
  expect(await page.getByText("E12 Électronique").count()).toBe(2);

  // The room's PCs to "obsolète", both at once, then each shows it in its history.
  await page.getByRole("checkbox", { name: "Tout sélectionner" }).check();
  await page.getByLabel("Nouveau statut").selectOption("obsolete");
  await page.getByRole("button", { name: "Appliquer aux équipements cochés" }).click();
  await expect.poll(() => page.getByText("Statut modifié.").count()).toBe(1);
  await page.getByRole("link", { name: "e2e-salle-e12-pc02" }).click();
  await page.waitForURL(/\/inventaire\/equipements\//);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("e2e-salle-e12-pc02");
  const history = page.locator("section", { has: page.getByRole("heading", { name: "Historique" }) });
  await expect.poll(() => history.textContent()).toMatch(/changement groupé[\s\S]*Statut : Production → Obsolète/);
  expect(await history.textContent()).toContain("import");
  expect(await page.getByText("Proposé au renouvellement (Obsolète)").count()).toBe(1);
});

test("a school's head reads the school's inventory, mixed rooms flagged, and cannot change it", async () => {
  const page = await signedIn("10.6.0.2", "proviseur.choiseul@guichet.test");
  await page.goto("/mon-etablissement");
  await page.getByRole("link", { name: "Inventaire" }).last().click();
  await page.waitForURL(`${baseUrl}/inventaire/etablissements/0370037P`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inventaire — Lycée Choiseul");
  expect(await page.locator("tr[data-homogeneous=false]").count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByText("Salle non homogène").count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByRole("link", { name: "Ajouter un équipement" }).count()).toBe(0);
  await page.goto("/inventaire");
  expect(await page.getByRole("link", { name: "Importer un fichier" }).count()).toBe(0);
  expect(await page.getByRole("checkbox", { name: "Tout sélectionner" }).count()).toBe(0);
  expect((await page.goto("/inventaire/import"))?.status()).toBe(404);
});

test("a technician adds a switch with its class's own fields, is told what is wrong next to the field, then edits it", async () => {
  const page = await signedIn("10.6.0.3", "tech.ouest@guichet.test");
  await page.goto("/inventaire/etablissements/0370037P");
  await page.getByRole("link", { name: "Ajouter un équipement" }).click();
  await page.waitForURL(/\/inventaire\/nouveau\?etablissement=0370037P$/);
  await page.getByLabel("Nom", { exact: true }).fill("e2e-sw-cdi");
  await page.getByLabel("Classe", { exact: true }).selectOption("network_switch");
  // The class's own fields follow the class: a switch has ports and a management address, no OS.
  expect(await page.getByLabel("Famille d'OS").count()).toBe(0);
  await page.getByLabel("Nombre de ports").fill("48");
  await page.getByLabel("Adresse IP d'administration").fill("10.37.1.300");
  await page.getByLabel("Salle", { exact: true }).fill("CDI");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  // Next to the field, and as a link to it in the form's error summary.
  await expect.poll(() => page.locator("[id$=-error]").getByText("Adresse IP invalide.").count()).toBe(1);
  expect(await page.locator("[data-error-summary]").getByRole("link", { name: "Adresse IP invalide." }).count()).toBe(1);
  expect(await page.getByLabel("Nom", { exact: true }).inputValue()).toBe("e2e-sw-cdi");

  await page.getByLabel("Adresse IP d'administration").fill("10.37.1.30");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(/\/inventaire\/equipements\/[0-9a-f-]{36}$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("e2e-sw-cdi");
  const specific = await page
    .locator("section", { has: page.getByRole("heading", { name: "Informations propres à la classe" }) })
    .textContent();
  expect(specific).toContain("Adresse IP d'administration10.37.1.30");
  expect(specific).toContain("Nombre de ports48");

  await page.getByRole("link", { name: "Modifier" }).click();
  await page.waitForURL(/\/modifier$/);
  await page.getByLabel("Salle", { exact: true }).fill("CDI étage");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(/\/inventaire\/equipements\/[0-9a-f-]{36}$/);
  const history = page.locator("section", { has: page.getByRole("heading", { name: "Historique" }) });
  await expect.poll(() => history.textContent()).toContain("Salle : CDI → CDI étage");
  expect(await history.textContent()).toContain("formulaire");
});
