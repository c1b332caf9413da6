import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const SHARED_NOTE = "Switch HP 2530 de la baie B, numéro de série CN7741, sous garantie.";
const SECRET_NOTE = "Le proviseur envisage de résilier le marché de maintenance.";
const REASON = "Remplacement du commutateur sous garantie.";
const REPORT = "Commutateur remplacé par un modèle identique (CN9902), configuration restaurée, tests OK.";

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);
const headerStatus = (page: Page) => page.locator("article > header").textContent();

async function internalNote(desk: Page, body: string) {
  await desk.getByRole("radio", { name: "Note interne" }).check();
  await desk.getByLabel("Votre message").fill(body);
  await desk.getByRole("button", { name: "Envoyer" }).click();
  await expect.poll(() => desk.locator("li[data-visibility=internal]").filter({ hasText: body }).count()).toBe(1);
}

test("the technician escalates to SCC sharing one note; the vendor reads it and not the other, and hands the ticket back with a report", async () => {
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.7.0.1", ["Commutateur de la baie B hors service"], {
    categoryCode: "RES-PANNE",
    urgency: "medium",
    description: "Plus de réseau dans l'aile B.",
    fields: { rooms: "B101" },
  });

  // The zone's technician takes the ticket, writes two internal notes, and escalates to SCC sharing only the first.
  const desk = await signedIn("10.7.0.2", "tech.ouest@guichet.test");
  await desk.goto(`/bureau/tickets/${reference}`);
  await desk.getByRole("button", { name: "Prendre en charge" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En cours");
  await internalNote(desk, SHARED_NOTE);
  await internalNote(desk, SECRET_NOTE);
  await desk.getByRole("radio", { name: "Un prestataire" }).check();
  await desk.getByLabel("Prestataire", { exact: true }).selectOption("PREST-SCC");
  await desk.getByRole("checkbox", { name: SHARED_NOTE }).check();
  expect(await desk.getByRole("checkbox", { name: SECRET_NOTE }).isChecked()).toBe(false);
  await desk.getByLabel("Motif (note interne)").fill(REASON);
  await desk.getByRole("button", { name: "Escalader" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En attente du prestataire");

  // The vendor: the shared note and the reason, never the other note (not even in the data the page hydrates from),
  // and none of the desk's own moves.
  // It finds the ticket in its queue, which offers no bulk change.
  const vendor = await signedIn("10.7.0.3", "sav.scc@guichet.test");
  await vendor.goto("/bureau?file=PREST-SCC");
  expect(await vendor.getByRole("button", { name: "M'attribuer" }).count()).toBe(0);
  await vendor.getByRole("link", { name: reference }).click();
  await vendor.waitForURL(`${baseUrl}/bureau/tickets/${reference}`);
  const shown = await vendor.locator("main").innerText();
  expect(shown).toContain(SHARED_NOTE);
  expect(shown).toContain(REASON);
  expect(await vendor.content()).not.toContain(SECRET_NOTE);
  for (const move of ["Prendre en charge", "Changer le statut", "Escalader", "Transférer"]) {
    expect(await vendor.getByRole("button", { name: move }).count()).toBe(0);
  }

  // It hands the ticket back with its report: back in progress with the technician, the vendor now reads only.
  await vendor.getByLabel("Rapport d'intervention").fill(REPORT);
  await vendor.getByRole("button", { name: "Rendre à la Région" }).click();
  await expect.poll(() => headerStatus(vendor)).toContain("En cours");
  await expect.poll(() => vendor.locator("[data-vendor-stage=read_only]").count()).toBe(1);
  expect(await vendor.getByRole("button", { name: "Rendre à la Région" }).count()).toBe(0);
  expect(await vendor.getByLabel("Votre message").count()).toBe(0);

  // The technician reads the report, internal.
  await desk.reload();
  const report = desk.locator("li[data-visibility=internal]").filter({ hasText: REPORT });
  expect(await report.count()).toBe(1);
  await vendor.context().close();
  await desk.context().close();
});
