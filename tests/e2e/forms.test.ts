import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { browserForFile, newClient, signedInPage, signIn } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);
const headerStatus = (page: Page) => page.locator("article > header").textContent();
/** The element holding the focus: its id, or the marker of the error summary. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.hasAttribute("data-error-summary") ? "error-summary" : (element?.id ?? element?.tagName ?? null);
  });

test("Enter in the equipment search picks the highlighted item and files nothing; Escape closes the list", async () => {
  const page = await signedIn("10.12.0.1", "csl.choiseul@guichet.test");
  await page.goto("/signaler/POSTE-PANNE");
  await page.getByLabel("Titre").fill("Le poste 5 ne démarre plus");
  await page.getByLabel("Description").fill("Aucun voyant.");
  const search = page.getByRole("combobox", { name: "Rechercher un équipement" });
  await search.fill("a007-pc05");
  const option = page.getByRole("option", { name: /^0370037p-a007-pc05/ });
  await expect.poll(() => option.count()).toBe(1);
  expect(await search.getAttribute("aria-expanded")).toBe("true");

  await search.press("ArrowDown");
  expect(await option.getAttribute("aria-selected")).toBe("true");
  expect(await search.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
  await search.press("Enter");
  await expect.poll(() => page.getByRole("list", { name: "Équipements choisis" }).textContent()).toContain("0370037p-a007-pc05");
  // Enter a second time, nothing highlighted any more or not: still no ticket filed.
  await search.press("Enter");
  await page.waitForTimeout(500);
  expect(new URL(page.url()).pathname).toBe("/signaler/POSTE-PANNE");
  expect(await page.locator("[data-error-summary]").count()).toBe(0);

  await search.press("Escape");
  expect(await search.getAttribute("aria-expanded")).toBe("false");
  expect(await page.getByRole("listbox").isVisible()).toBe(false);
  await page.context().close();
});

test("a failed submit focuses the error summary, its links lead to the fields, errors go once corrected, required fields are marked", async () => {
  const page = await signedIn("10.12.0.2", "csl.choiseul@guichet.test");
  await page.goto("/signaler/POSTE-PANNE");
  const title = page.locator("#title");
  expect(await title.getAttribute("required")).not.toBeNull();
  expect(await page.locator("label[for=title] + [aria-hidden=true]").textContent()).toBe("*");
  expect(await page.getByText("Les champs marqués d'un astérisque (*) sont obligatoires.").count()).toBe(1);

  await page.getByRole("button", { name: "Envoyer" }).click();
  const summary = page.locator("[data-error-summary]");
  await expect.poll(() => summary.count()).toBe(1);
  await expect.poll(() => focused(page)).toBe("error-summary");
  expect(await summary.getAttribute("role")).toBe("alert");
  const titleLink = summary.getByRole("link", { name: /Titre/ });
  expect(await summary.getByRole("link", { name: /Décrivez/ }).count()).toBe(1);
  await titleLink.click();
  expect(await focused(page)).toBe("title");

  expect(await title.getAttribute("aria-invalid")).toBe("true");
  await title.pressSequentially("Ab");
  // Still too short for the field's own rule: the error stays.
  expect(await title.getAttribute("aria-invalid")).toBe("true");
  await title.pressSequentially("c");
  await expect.poll(() => title.getAttribute("aria-invalid")).not.toBe("true");
  expect(await page.locator("#title-error").count()).toBe(0);
  expect(await summary.getByRole("link", { name: /Titre/ }).count()).toBe(0);
  // The description, not corrected, keeps its error.
  expect(await page.locator("#description").getAttribute("aria-invalid")).toBe("true");
  await page.context().close();
});

test("a filing form sent after the session ended is kept: the sign-in page says so and the form comes back filled", async () => {
  const page = await signedIn("10.12.0.3", "csl.choiseul@guichet.test");
  await page.goto("/signaler/POSTE-PANNE");
  const title = `Vidéoprojecteur muet ${Date.now()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("Plus de son depuis la mise à jour.");
  await page.getByLabel("Une salle ou un service").check();

  // The session ends while the person types: its cookie no longer holds a valid session.
  const context = page.context();
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.includes("session-token"));
  expect(session).toBeTruthy();
  await context.addCookies([{ ...session!, value: "expiree" }]);

  await page.getByRole("button", { name: "Envoyer" }).click();
  await page.waitForURL(/\/connexion\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/signaler/POSTE-PANNE");
  expect(await page.getByText("Votre session a expiré, reconnectez-vous : votre saisie est conservée.").count()).toBe(1);

  await page.getByLabel("Adresse e-mail").fill("csl.choiseul@guichet.test");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL(`${baseUrl}/signaler/POSTE-PANNE`);
  await expect.poll(() => page.getByLabel("Titre").inputValue()).toBe(title);
  expect(await page.getByLabel("Description").inputValue()).toBe("Plus de son depuis la mise à jour.");
  expect(await page.getByLabel("Une salle ou un service").isChecked()).toBe(true);

  // Sent for good, the draft is gone: the form is empty when opened again.
  await page.getByRole("button", { name: "Envoyer" }).click();
  await page.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  expect(await page.getByText(title).count()).toBeGreaterThan(0);
  await page.goto("/signaler/POSTE-PANNE");
  await page.waitForTimeout(300);
  expect(await page.getByLabel("Titre").inputValue()).toBe("");
  await page.context().close();
});

test("without a form sent or a stale cookie, the sign-in page does not speak of an expired session", async () => {
  const context = await newClient(browser(), baseUrl, "10.12.0.4");
  const page = await context.newPage();
  await page.goto("/demandes");
  await page.waitForURL(/\/connexion\?callbackUrl=%2Fdemandes$/);
  expect(await page.getByText("Votre session a expiré").count()).toBe(0);
  await signIn(page, "csl.choiseul@guichet.test");
  await context.close();
});

test("the desk's note/reply switch keeps the last choice, each looks different before sending; a vendor escalation from 'waiting for the requester' says its step and works", async () => {
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.12.0.5", [`WiFi coupé ${Date.now()}`], {
    categoryCode: "RES-WIFI",
    description: "Coupures fréquentes.",
    urgency: "medium",
    fields: { area: "CDI" },
  });
  const desk = await signedIn("10.12.0.6", "tech.ouest@guichet.test");
  await desk.goto(`/bureau/tickets/${reference}`);
  const audience = desk.getByTestId("reply-audience");
  expect(await audience.textContent()).toContain("Visible par l'établissement");
  expect(await desk.getByRole("button", { name: "Envoyer à l'établissement" }).count()).toBe(1);

  await desk.getByRole("radio", { name: "Note interne" }).check();
  expect(await audience.textContent()).toContain("Note interne : jamais montrée à l'établissement.");
  expect(await audience.getAttribute("class")).toContain("amber");
  await desk.getByLabel("Votre message").fill("Borne du CDI à redémarrer (note).");
  await desk.getByRole("button", { name: "Envoyer la note interne" }).click();
  await expect.poll(() => desk.locator("li[data-visibility=internal]").filter({ hasText: "Borne du CDI à redémarrer" }).count()).toBe(1);
  expect(await desk.getByLabel("Votre message").inputValue()).toBe("");
  // The next message is a note too, unless the technician says otherwise.
  expect(await desk.getByRole("radio", { name: "Note interne" }).isChecked()).toBe(true);
  expect(await audience.textContent()).toContain("Note interne");
  expect(await desk.getByRole("button", { name: "Envoyer la note interne" }).count()).toBe(1);

  // Waiting for the requester: the escalation form says the ticket goes through "En cours" first.
  await desk.getByLabel("Nouveau statut").selectOption({ label: "En attente du demandeur" });
  await desk.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En attente du demandeur");
  await desk.getByRole("radio", { name: "Un prestataire" }).check();
  expect(await desk.getByTestId("escalate-via").textContent()).toBe(
    "Ce ticket est « En attente du demandeur » : il passera d'abord à « En cours », puis à « En attente du prestataire ». Le journal montrera les deux étapes.",
  );
  await desk.getByLabel("Prestataire", { exact: true }).selectOption("PREST-SCC");
  await desk.getByLabel("Motif (note interne)").fill("Borne sous garantie.");
  await desk.getByRole("button", { name: "Escalader" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("En attente du prestataire");
  expect(await desk.getByText("Passage", { exact: false }).filter({ hasText: "impossible" }).count()).toBe(0);
  // An active vendor escalation is not contradicted by "no escalation yet".
  expect(await desk.getByTestId("ticket-sla").textContent()).not.toContain("Aucune escalade pour l'instant.");
  await desk.context().close();
});

test("a closed ticket's desk page offers no escalation nor status change", async () => {
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.12.0.7", [`WiFi annulé ${Date.now()}`], {
    categoryCode: "RES-WIFI",
    description: "Coupures.",
    urgency: "low",
    fields: { area: "CDI" },
  });
  const desk = await signedIn("10.12.0.8", "tech.ouest@guichet.test");
  await desk.goto(`/bureau/tickets/${reference}`);
  expect(await desk.getByRole("button", { name: "Escalader" }).count()).toBe(1);
  await desk.getByLabel("Nouveau statut").selectOption({ label: "Annulé" });
  await desk.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => headerStatus(desk)).toContain("Annulé");
  expect(await desk.getByRole("button", { name: "Escalader" }).count()).toBe(0);
  expect(await desk.getByRole("button", { name: "Changer le statut" }).count()).toBe(0);
  await desk.context().close();
});
