import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import type { Page } from "playwright-core";
import { queryE2eDatabase } from "../support/e2e-database";
import { readMailbox, waitForMail } from "../support/mailbox";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();
/** The "En bref" panel of a ticket's page. */
const factsOf = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "En bref", exact: true }) });

test("a technician files a call for the CSL of a school of their zone; the CSL is mailed and sees it came by phone, taken by the technician", async () => {
  // Thomas Leroy (technicien Ouest) takes Claire Martin's call: Choiseul is in his zone.
  const desk = await signedInPage(browser(), baseUrl, "10.18.0.1", "tech.ouest@guichet.test");
  await desk.goto("/bureau");
  await desk.getByRole("link", { name: "Nouvel appel" }).click();
  await desk.waitForURL(`${baseUrl}/bureau/appel`);

  await desk.getByLabel("Rechercher un établissement").fill("Choiseul");
  await desk.getByRole("button", { name: "Rechercher" }).click();
  await desk.getByRole("link", { name: /Lycée Choiseul/ }).click();
  await desk.waitForURL(/ecole=0370037P$/);

  // The contact, found by their function.
  await desk.getByLabel("Rechercher un contact de l'établissement").fill("CSL");
  await desk.getByRole("button", { name: "Rechercher" }).click();
  await desk.waitForURL(/q=CSL/);
  expect(await desk.getByRole("link", { name: /Paul Bernard/ }).count()).toBe(0);
  await desk.getByRole("link", { name: /Claire Martin \(CSL Choiseul\)/ }).click();
  await desk.waitForURL(/contact=[0-9a-f-]{36}$/);
  expect(await desk.locator("[data-contact]").textContent()).toBe("Claire Martin (CSL Choiseul)");

  await desk.getByRole("link", { name: /^Poste en panne/ }).click();
  await desk.waitForURL(/categorie=POSTE-PANNE$/);
  await desk.getByLabel("Titre").fill("Le poste du CDI ne démarre plus");
  await desk.getByLabel("Description").fill("Appel de la CSL : écran noir au démarrage, voyant orange.");
  await desk.getByLabel("Une salle ou un service").check();
  await desk.getByLabel("Cela peut attendre").check();
  await desk.getByRole("button", { name: "Envoyer" }).click();
  await desk.waitForURL(/\/bureau\/tickets\/GU-\d{4}-\d{6}$/);
  const reference = /GU-\d{4}-\d{6}/.exec(desk.url())![0];

  // The desk's page: the CSL is the requester, the call and who took it show in the facts and the journal.
  const facts = await factsOf(desk).innerText();
  expect(facts).toContain("Claire Martin (CSL Choiseul)");
  expect(facts).toMatch(/Canal\s+Téléphone/);
  expect(facts).toMatch(/Appel pris par\s+Thomas Leroy \(Technicien Ouest\)/);
  expect(await desk.getByText("Appel téléphonique reçu par Thomas Leroy (Technicien Ouest)").count()).toBe(1);
  await desk.context().close();

  // The CSL gets the creation e-mail; the technician does not.
  const mail = await waitForMail(
    mailDir,
    (message) => message.to.includes("csl.choiseul@guichet.test") && message.subject.includes(reference),
  );
  expect(mail.text).toContain(reference);

  // She follows it as her own request.
  const school = await signedInPage(browser(), baseUrl, "10.18.0.2", "csl.choiseul@guichet.test");
  await school.goto(`/demandes/${reference}`);
  const schoolFacts = await factsOf(school).innerText();
  expect(schoolFacts).toMatch(/Canal\s+Téléphone/);
  expect(schoolFacts).toMatch(/Appel pris par\s+Thomas Leroy \(Technicien Ouest\)/);
  expect(await school.getByText("Appel téléphonique reçu par Thomas Leroy (Technicien Ouest)").count()).toBe(1);
  const mails = await readMailbox(mailDir);
  expect(mails.filter((message) => message.subject.includes(reference) && message.to.includes("tech.ouest@guichet.test")).length).toBe(0);

  // School staff have no "Nouvel appel": the page is not theirs.
  const refused = await school.goto("/bureau/appel");
  expect(refused?.status()).toBe(404);
  await school.context().close();
});

test("a technician of another zone cannot take a call for Choiseul", async () => {
  // A technician of the Nord's mobile team only (the demo's technicians join other teams in earlier files).
  await queryE2eDatabase(
    databaseUrl,
    `WITH technician AS (
       INSERT INTO users (email, name, role, password_hash, password_set_at)
       SELECT 'tech.nord@guichet.test', 'Lucas Petit (Technicien Nord)', 'technician', password_hash, now()
       FROM users WHERE email = 'tech.est@guichet.test'
       ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id)
     INSERT INTO team_members (team_id, user_id, is_primary)
     SELECT teams.id, technician.id, true FROM teams, technician WHERE teams.code = $1 ON CONFLICT DO NOTHING`,
    ["PROX-NORD"],
  );
  const desk = await signedInPage(browser(), baseUrl, "10.18.0.3", "tech.nord@guichet.test");
  await desk.goto("/bureau/appel?q=Choiseul");
  expect(await desk.getByText("Aucun établissement de votre secteur ne correspond.").count()).toBe(1);
  await desk.goto("/bureau/appel?ecole=0370037P");
  expect(await desk.getByRole("alert").filter({ hasText: "il n'est pas dans votre secteur" }).count()).toBe(1);
  expect(await desk.getByLabel("Rechercher un contact de l'établissement").count()).toBe(0);
  await desk.context().close();
});
