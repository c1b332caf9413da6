import { expect, inject, test } from "vitest";
import { browserForFile, newClient, signedInPage } from "../support/browser";
import { waitForMail } from "../support/mailbox";
import { sampleFiles } from "../support/sample-files";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

test("a CSL files a filtering exception with the signed PDF; the head approves from the e-mail's link; the technician sees it with its signature; the register lists it", async () => {
  // Claire Martin, CSL of Choiseul, files the exception with the head's signed request attached.
  const school = await signedInPage(browser(), baseUrl, "10.15.0.1", "csl.choiseul@guichet.test");
  await school.goto("/signaler/SEC-FILTRAGE");
  await school.getByLabel("Titre").fill("Autoriser GeoGebra en salle B204");
  await school.getByLabel("Description").fill("Le site est bloqué pendant les cours de mathématiques.");
  await school.getByLabel("Adresse du site").fill("https://www.geogebra.org");
  await school.getByLabel("Durée (jours)").fill("60");
  await school.getByLabel("Une salle ou un service").check();
  await school.getByLabel("Cela peut attendre").check();
  await school
    .getByLabel("Demande signée")
    .setInputFiles({ name: "demande-signee.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleFiles.pdf()) });
  await school.getByRole("button", { name: "Envoyer" }).click();
  await school.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  const reference = /GU-\d{4}-\d{6}/.exec(school.url())![0];
  // It waits for the head: no team yet.
  expect(await school.getByText("En attente de validation").count()).toBeGreaterThan(0);
  expect(await school.getByRole("region", { name: "Validation" }).textContent()).toContain("en attente depuis");

  // The head is mailed a link that works without signing in.
  const mail = await waitForMail(
    mailDir,
    (message) => message.to.includes("proviseur.choiseul@guichet.test") && message.subject.includes(reference),
  );
  expect(mail.subject).toContain("Demande à valider");
  const link = /https?:\/\/\S+\/validation\/\S+/.exec(mail.text)![0];
  const anonymous = await newClient(browser(), baseUrl, "10.15.0.2");
  const approval = await anonymous.newPage();
  await approval.goto(link);
  expect(await approval.getByRole("heading", { level: 1 }).textContent()).toBe("Demande à valider");
  expect(await approval.locator("main").textContent()).toContain(reference);
  await approval.getByRole("button", { name: "Approuver" }).click();
  await expect.poll(() => approval.getByRole("status").textContent()).toContain("votre décision est enregistrée");

  // Used, the link asks to sign in and leads to the request.
  await approval.goto(link);
  expect(await approval.getByText("Ce lien a déjà servi ou a expiré.").count()).toBe(1);
  expect(await approval.getByRole("link", { name: "Se connecter et voir la demande" }).getAttribute("href")).toBe(
    `/validations/${reference}`,
  );
  await anonymous.close();

  // The zone's technician finds it in the team's queue, signed by the head.
  const desk = await signedInPage(browser(), baseUrl, "10.15.0.3", "tech.ouest@guichet.test");
  await desk.getByRole("link", { name: "Espace technicien" }).click();
  await desk.waitForURL(`${baseUrl}/bureau`);
  await desk
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: /Équipe mobile Zone Ouest/ })
    .click();
  await desk.waitForURL(/file=PROX-OUEST/);
  await desk.goto(`/bureau?file=PROX-OUEST&q=${reference}`);
  await desk.getByRole("link", { name: reference }).click();
  await desk.waitForURL(`${baseUrl}/bureau/tickets/${reference}`);
  const signature = await desk.getByRole("region", { name: "Validation" }).textContent();
  expect(signature).toContain("validée par Paul Bernard (Proviseur Choiseul), Chef d'établissement le");
  expect(
    await desk
      .getByText("Validée par Paul Bernard (Proviseur Choiseul), Chef d'établissement, au titre de : Chef d'établissement ou délégataire")
      .count(),
  ).toBe(1);
  expect(await desk.getByRole("link", { name: /demande-signee\.pdf/ }).count()).toBe(1);
  await desk.context().close();

  // The school's register lists the exception, in force, approved by the head.
  await school.goto("/mon-etablissement");
  await school.getByRole("link", { name: "Registres (filtrage, délégations)" }).click();
  await school.waitForURL(`${baseUrl}/etablissements/0370037P/registres`);
  const entry = school.locator("[data-register-entry]", { hasText: reference });
  expect(await entry.innerText()).toContain("https://www.geogebra.org");
  expect(await entry.innerText()).toContain("Paul Bernard (Proviseur Choiseul)");
  expect(await entry.locator("[data-state]").innerText()).toBe("En vigueur");
  await school.context().close();
});

test("the head sees the requests waiting for them on the home page, and decides on the approval page", async () => {
  const school = await signedInPage(browser(), baseUrl, "10.15.0.4", "csl.choiseul@guichet.test");
  await school.goto("/signaler/SRV-DELEGATION");
  await school.getByLabel("Titre").fill("Droits d'installation pour M. Durand");
  await school.getByLabel("Description").fill("Installer les logiciels de la salle de technologie.");
  await school.getByLabel("Personne désignée").fill("M. Durand");
  await school.getByLabel("Salles ou équipements concernés").fill("Salle de technologie T12");
  await school.getByLabel("Actions déléguées").fill("Installer des logiciels");
  await school.getByLabel("Date de fin").fill("2027-06-30");
  await school.getByLabel("Une salle ou un service").check();
  await school.getByLabel("Cela peut attendre").check();
  await school.getByRole("button", { name: "Envoyer" }).click();
  await school.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  const reference = /GU-\d{4}-\d{6}/.exec(school.url())![0];
  await school.context().close();

  const head = await signedInPage(browser(), baseUrl, "10.15.0.5", "proviseur.choiseul@guichet.test");
  const toApprove = head.getByRole("region", { name: "À valider" });
  await toApprove.getByRole("link", { name: new RegExp(reference) }).click();
  await head.waitForURL(`${baseUrl}/validations/${reference}`);
  await head.getByRole("button", { name: "Refuser" }).click();
  await expect.poll(() => head.getByText("Donnez le motif du refus").count()).toBeGreaterThan(0);
  await head.getByLabel("Motif (obligatoire pour refuser)").fill("Passer par le référent numérique.");
  await head.getByRole("button", { name: "Refuser" }).click();
  // Decided, the page shows the refusal and its reason in place of the buttons.
  await expect.poll(() => head.getByRole("region", { name: "Validation" }).textContent()).toContain("Passer par le référent numérique.");
  expect(await head.getByText("Cette demande n'attend pas votre décision.").count()).toBe(1);
  await head.goto(`/demandes/${reference}`);
  expect(await head.getByRole("region", { name: "Validation" }).textContent()).toContain("refusée par Paul Bernard");
  await head.context().close();
});

test("an admin sets who approves a category from the organisation pages; the same approver twice is refused", async () => {
  const admin = await signedInPage(browser(), baseUrl, "10.15.0.6", "admin@guichet.test");
  await admin.goto("/admin/etablissements");
  await admin.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Validations" }).click();
  await admin.waitForURL(`${baseUrl}/admin/validations`);
  const form = admin.getByRole("form", { name: /\(LOGPED-USAGE\)/ });
  await form.getByLabel("Validée d'abord par").selectOption("secretary_general");
  await form.getByLabel("Puis par").selectOption("secretary_general");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(() => form.textContent()).toContain("Un même valideur ne peut figurer qu'à un niveau.");
  await form.getByLabel("Puis par").selectOption("none");
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(() => form.getByRole("status").textContent()).toContain("Validations enregistrées.");
  await admin.reload();
  expect(
    await admin
      .getByRole("form", { name: /\(LOGPED-USAGE\)/ })
      .getByLabel("Validée d'abord par")
      .inputValue(),
  ).toBe("secretary_general");

  // Back as it was, so the other files' filings of this category are routed as before.
  const restored = admin.getByRole("form", { name: /\(LOGPED-USAGE\)/ });
  await restored.getByLabel("Validée d'abord par").selectOption("none");
  await restored.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(() => restored.getByRole("status").textContent()).toContain("Validations enregistrées.");
  await admin.context().close();
});
