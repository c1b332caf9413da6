import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage, menuLink } from "../support/browser";
import { sampleFiles } from "../support/sample-files";
import { submitNewSchool, submitNewTeam } from "../support/organisation-forms";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

test("an admin creates a school, sets its first onboarding meeting, and creates a technicians' team with a member, through the UI alone", async () => {
  const page = await signedInPage(browser(), baseUrl, "10.13.0.1", "admin@guichet.test");

  // From the menu to the schools, then a new school: its page opens once created.
  await menuLink(page, "Organisation").click();
  await page.waitForURL(`${baseUrl}/admin/etablissements`);
  const schoolForm = await submitNewSchool(page, {
    uai: "0371234A",
    name: "Lycée Rabelais",
    type: "LGT",
    city: "Chinon",
    departement: "37",
    zone: "OUEST",
  });
  // A wrong check letter is refused next to the field, and nothing is created.
  await expect.poll(() => schoolForm.getByText("UAI : la lettre de contrôle ne correspond pas aux chiffres.").count()).toBe(2); // beside the field and in the error summary
  await schoolForm.getByLabel("UAI").fill("0371234R");
  await schoolForm.getByRole("button", { name: "Créer l'établissement" }).click();
  await page.waitForURL(`${baseUrl}/admin/etablissements/0371234R`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Lycée Rabelais 0371234R");
  // Its contacts: nobody yet, the zone's sector lead, and who created it.
  const contacts = page.locator("[data-contacts='0371234R']");
  expect(await contacts.textContent()).toMatch(
    /Aucun personnel enregistré\..*Luc Girard \(Chef de secteur Ouest\).*Dernière modification le .+ par Administratrice Guichet/,
  );

  // RDV1 planned, with its notes.
  const rdv1 = page.getByRole("form", { name: "RDV1 — lancement", exact: true });
  await rdv1.getByLabel("Date prévue").fill("2027-01-12");
  await rdv1.getByLabel("Notes").fill("Lancement avec le proviseur et le gestionnaire.");
  await rdv1.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  await expect.poll(() => rdv1.getByRole("status").textContent()).toBe("Rendez-vous enregistré.");

  // Its minutes kept with RDV1: listed under the meeting, downloaded as a file.
  const upload = page.getByRole("form", { name: "Déposer un document — RDV1 — lancement" });
  await upload
    .getByLabel("Fichier (PDF, image, document bureautique ; 10 Mo au plus)")
    .setInputFiles({ name: "compte-rendu-rdv1.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleFiles.pdf()) });
  await upload.getByRole("button", { name: "Déposer" }).click();
  await expect.poll(() => upload.getByRole("status").textContent()).toBe("Document déposé.");
  const document = page.locator("[data-documents='rdv1']").getByRole("link", { name: /compte-rendu-rdv1\.pdf/ });
  await expect.poll(() => document.count()).toBe(1);
  const file = await page.request.get(`${baseUrl}${await document.getAttribute("href")}`);
  expect([file.status(), file.headers()["content-disposition"], file.headers()["content-security-policy"]]).toEqual([
    200,
    "attachment; filename=\"compte-rendu-rdv1.pdf\"; filename*=UTF-8''compte-rendu-rdv1.pdf",
    "sandbox",
  ]);

  // The Région's board shows where the school stands.
  await menuLink(page, "Intégration").click();
  await page.waitForURL(`${baseUrl}/integration`);
  const row = page.locator("tr[data-uai='0371234R']");
  expect(await row.textContent()).toMatch(/Lycée Rabelais.*À intégrer.*prévu le 12 janv\. 2027.*compte-rendu-rdv1\.pdf/);

  // A technicians' team, then its member.
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Équipes" }).click();
  await page.waitForURL(`${baseUrl}/admin/equipes`);
  await submitNewTeam(page, { code: "prox-chinon", name: "Proximité Chinon", zone: "OUEST" });
  await page.waitForURL(`${baseUrl}/admin/equipes/PROX-CHINON`);
  await page.getByLabel("Adresse électronique du compte").fill("personne@guichet.test");
  await page.getByRole("button", { name: "Ajouter" }).click();
  await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/^Vérifiez les membres\./);
  await expect.poll(() => page.getByText("Aucun compte pour personne@guichet.test.").count()).toBeGreaterThan(0); // the member's own error
  await page.getByLabel("Adresse électronique du compte").fill("tech.est@guichet.test");
  await page.getByLabel("Équipe principale de cette personne").uncheck();
  await page.getByRole("button", { name: "Ajouter" }).click();
  await expect.poll(() => page.locator("li[data-member='tech.est@guichet.test']").count()).toBe(1);
  expect(await page.locator("li[data-member='tech.est@guichet.test']").textContent()).not.toContain("principale");

  await page.goto("/admin/equipes");
  expect(await page.locator("tr[data-team='PROX-CHINON']").textContent()).toContain("1 membre");
  await page.context().close();
});

test("a technician may not reach the organisation pages; a sector lead sees the onboarding board of their zone", async () => {
  const technician = await signedInPage(browser(), baseUrl, "10.13.0.2", "tech.ouest@guichet.test");
  for (const path of [
    "/admin/etablissements",
    "/admin/equipes",
    "/admin/prestataires",
    "/admin/zones",
    "/admin/validations",
    "/integration",
  ]) {
    const response = await technician.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await technician.context().close();

  const lead = await signedInPage(browser(), baseUrl, "10.13.0.3", "chef.ouest@guichet.test");
  await menuLink(lead, "Intégration").click();
  await lead.waitForURL(`${baseUrl}/integration`);
  expect(await lead.getByText("Établissements de votre zone.").count()).toBe(1);
  expect(await lead.locator("tr[data-uai]").allTextContents()).not.toContainEqual(expect.stringMatching(/Zone Est/));
  await lead.context().close();
});

test("a head sees on Mon établissement the school's staff, its sector lead and its last change", async () => {
  const head = await signedInPage(browser(), baseUrl, "10.13.0.4", "proviseur.choiseul@guichet.test");
  await menuLink(head, "Mon établissement").click();
  await head.waitForURL(`${baseUrl}/mon-etablissement`);
  const contacts = head.locator("[data-contacts='0370037P']");
  const text = await contacts.textContent();
  expect(text).toMatch(/Personnels de l'établissement.*Paul Bernard \(Proviseur Choiseul\).*Chef de secteur.*Luc Girard/);
  expect(text).toMatch(/Personnels de l'établissement.*Claire Martin \(CSL Choiseul\).*Chef de secteur/);
  expect(text).toMatch(/Dernière modification le /);
  await head.context().close();
});
