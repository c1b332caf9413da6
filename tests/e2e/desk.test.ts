import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import { fileThroughApi as fileTickets } from "../support/file-through-api";
import { readMailbox } from "../support/mailbox";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

const INTERNAL_NOTE = "Switch SR11 à remplacer (note interne)";
const ESCALATION_REASON = "Commutateur défectueux, sous garantie du marché postes et serveurs.";
const RESOLUTION = "Le commutateur a été remplacé par le prestataire : le réseau est rétabli en salle B204.";

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

/** The status shown in the ticket's header (the page's own, not the app shell's). */
const headerStatus = (page: Page) => page.locator("article > header").textContent();

/** Wi-Fi incidents for Lycée Choiseul, filed through the API by its correspondent. */
const fileThroughApi = (ip: string, titles: string[]) =>
  fileTickets(browser(), baseUrl, ip, titles, {
    categoryCode: "RES-WIFI",
    description: "Coupures fréquentes.",
    urgency: "medium",
    fields: { area: "CDI" },
  });

test("a school's network incident reaches the zone's team, is taken, noted internally, escalated to SCC and resolved; the school sees only what is public", async () => {
  // The requester files through the portal.
  const school = await signedIn("10.5.0.1", "csl.choiseul@guichet.test");
  await school.goto("/signaler/RES-PANNE");
  await school.getByLabel("Titre").fill("Plus de réseau en salle B204");
  await school.getByLabel("Description").fill("Aucun poste de la salle ne se connecte depuis ce matin.");
  await school.getByLabel("Salles touchées").fill("B204");
  await school.getByLabel("Une salle ou un service").check();
  await school.getByLabel("Un cours ou un examen est bloqué").check();
  await school.getByRole("button", { name: "Envoyer" }).click();
  await school.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  const reference = /GU-\d{4}-\d{6}/.exec(school.url())![0];
  expect(await school.getByText("Équipe mobile Zone Ouest", { exact: true }).count()).toBe(1);

  // The zone's technician finds it in the team's queue.
  const desk = await signedIn("10.5.0.2", "tech.ouest@guichet.test");
  await desk.getByRole("link", { name: "Espace technicien" }).click();
  await desk.waitForURL(`${baseUrl}/bureau`);
  expect(await desk.getByRole("heading", { level: 1 }).textContent()).toBe("Mes tickets");
  await desk
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: /Équipe mobile Zone Ouest/ })
    .click();
  await desk.waitForURL(/file=PROX-OUEST/);
  await desk.getByRole("link", { name: reference }).click();
  await desk.waitForURL(`${baseUrl}/bureau/tickets/${reference}`);

  // Takes it.
  await desk.getByRole("button", { name: "Prendre en charge" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En cours");

  // An internal note, marked as such in the journal.
  await desk.getByRole("radio", { name: "Note interne" }).check();
  await desk.getByLabel("Votre message").fill(INTERNAL_NOTE);
  await desk.getByRole("button", { name: "Envoyer" }).click();
  const note = desk.locator("li[data-visibility=internal]").filter({ hasText: INTERNAL_NOTE });
  await expect.poll(() => note.count()).toBe(1);
  expect(await note.textContent()).toContain("Note interne");

  // Escalated to SCC with its own reference: the ticket waits for the vendor.
  await desk.getByRole("radio", { name: "Un prestataire" }).check();
  await desk.getByLabel("Prestataire", { exact: true }).selectOption("PREST-SCC");
  await desk.getByLabel("Référence chez le prestataire (facultatif)").fill("SCC-2026-118");
  await desk.getByLabel("Motif (note interne)").fill(ESCALATION_REASON);
  await desk.getByRole("button", { name: "Escalader" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En attente du prestataire");
  expect(await desk.getByText("SCC · référence SCC-2026-118").count()).toBe(1);

  // Resolved, with a message to the school.
  await desk.getByLabel("Nouveau statut").selectOption({ label: "Résolu" });
  await desk.getByLabel("Message au demandeur (facultatif)").fill(RESOLUTION);
  await desk.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("Résolu");

  // The school's page: resolved, the public messages, none of the internal ones.
  await school.goto(`/demandes/${reference}`);
  expect(await headerStatus(school)).toContain("Résolu");
  const shown = await school.locator("main").innerText();
  expect(shown).toContain(RESOLUTION);
  expect(shown).toContain("Transmise au prestataire SCC (référence SCC-2026-118).");
  expect(await school.locator("li[data-visibility=internal]").count()).toBe(0);
  // Nowhere in the page, the data React hydrates from included.
  const html = await school.content();
  expect(html).not.toContain(INTERNAL_NOTE);
  expect(html).not.toContain(ESCALATION_REASON);

  // The resolution e-mail reaches the school; no e-mail carries the note.
  await expect
    .poll(async () => (await readMailbox(mailDir)).find((mail) => mail.subject.includes(reference) && mail.subject.includes("résolue")), {
      timeout: 20_000,
    })
    .toBeTruthy();
  const mails = await readMailbox(mailDir);
  const resolved = mails.find((mail) => mail.subject.includes(reference) && mail.subject.includes("résolue"))!;
  expect(resolved.to).toEqual(["csl.choiseul@guichet.test"]);
  expect(resolved.text).toContain(RESOLUTION);
  expect(mails.filter((mail) => `${mail.subject}\n${mail.text}`.includes(INTERNAL_NOTE))).toEqual([]);
  await school.context().close();
  await desk.context().close();
});

test("the bulk bar takes the checked tickets, refuses a move one of them cannot make without changing any, and a view is saved", async () => {
  const token = `lot${Date.now()}`;
  const references = await fileThroughApi("10.5.0.3", [`WiFi du CDI ${token}`, `WiFi de la salle des profs ${token}`]);
  const desk = await signedIn("10.5.0.4", "tech.ouest@guichet.test");
  await desk.goto(`/bureau?file=unassigned&q=${token}`);
  for (const reference of references) await desk.getByRole("checkbox", { name: `Sélectionner ${reference}` }).check();
  await desk.getByRole("button", { name: "M'attribuer" }).click();
  await expect.poll(() => desk.getByRole("status").filter({ hasText: "Les tickets cochés sont à jour." }).count()).toBe(1);

  await desk.goto(`/bureau?file=mine&q=${token}`);
  for (const reference of references) expect(await desk.getByRole("link", { name: reference }).count()).toBe(1);

  // "Tout sélectionner", then a move the lifecycle forbids from "En cours": nothing changes.
  await desk.getByRole("checkbox", { name: "Tout sélectionner" }).check();
  await desk.getByLabel("Nouveau statut").selectOption({ label: "Clos" });
  await desk.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => desk.getByRole("alert").filter({ hasText: "impossible" }).count()).toBe(1);
  await desk.reload();
  expect(await desk.locator("tbody").getByText("En cours", { exact: true }).count()).toBe(2);

  // The current queue and filters, saved and listed.
  await desk.getByLabel("Nom de la vue").fill(`Lot ${token}`);
  await desk.getByRole("button", { name: "Enregistrer cette vue" }).click();
  const view = desk.getByRole("link", { name: `Lot ${token}` });
  await expect.poll(() => view.count()).toBe(1);
  expect(await view.getAttribute("href")).toBe(`/bureau?file=mine&q=${token}`);
  await desk.context().close();
});
