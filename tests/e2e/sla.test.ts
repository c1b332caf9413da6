import { Client } from "pg";
import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import { fileThroughApi as fileTickets } from "../support/file-through-api";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();
const slow = { timeout: 30_000, interval: 500 };

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

/** Network incidents for Lycée Choiseul (P2: 2 business hours to take in charge, 10 to resolve), filed through the API by its correspondent. */
const fileThroughApi = (ip: string, titles: string[]) =>
  fileTickets(browser(), baseUrl, ip, titles, {
    categoryCode: "RES-PANNE",
    description: "Aucun poste ne se connecte.",
    urgency: "high",
    fields: { rooms: "B204" },
  });

/** What only time would do: the ticket was filed a week ago and nobody took it. */
async function backdate(reference: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE tickets SET created_at = created_at - interval '7 days' WHERE reference = $1", [reference]);
  } finally {
    await client.end();
  }
}

const slaPanel = (page: Page) => page.getByTestId("ticket-sla");
const timer = (page: Page, name: "tto" | "ttr") => slaPanel(page).locator(`[data-sla-timer=${name}]`);
/** A commitment's deadline line ("Échéance : …"), without the remaining time that ticks by the minute. */
const deadline = (page: Page, name: "tto" | "ttr") => timer(page, name).locator("dd p").first().textContent();

/** Today in Paris, and a day some days later, as a date input takes them. */
function parisDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

test("a technician sees both commitments on a ticket, a late ticket in the at-risk queue with the worker's escalation in its journal; the school reads plain words", async () => {
  const [late, fresh] = await fileThroughApi("10.7.0.1", ["Réseau coupé depuis une semaine", "Réseau coupé ce matin"]);
  await backdate(late!);

  const desk = await signedIn("10.7.0.2", "tech.ouest@guichet.test");
  // A ticket just filed: both deadlines ahead, in business time.
  await desk.goto(`/bureau/tickets/${fresh}`);
  expect(await desk.getByRole("heading", { name: "Engagements de service" }).count()).toBe(1);
  expect(await timer(desk, "tto").textContent()).toMatch(/Prise en charge \(TTO\)Dans les délaisÉchéance : .+reste .+ouvrée/);
  expect(await timer(desk, "ttr").textContent()).toMatch(/Résolution \(TTR\)Dans les délaisÉchéance : .+reste .+ouvrées/);

  // The week-old one is late on both counts; the technician takes it.
  await desk.goto(`/bureau/tickets/${late}`);
  expect(await timer(desk, "ttr").textContent()).toMatch(/Dépassé.*dépassé de .+ouvrées/);
  await desk.getByRole("button", { name: "Prendre en charge" }).click();
  await expect.poll(() => desk.locator("article > header").textContent()).toContain("En cours");
  expect(await timer(desk, "tto").textContent()).toContain("Atteint en retard");

  // The worker fires the alarms already due, as internal entries of the journal: the breach, then both rungs of the
  // ladder (the sector lead at the breach, the service lead at 150 % of the time to resolve: a week is well past both).
  const internal = (text: string) => desk.locator("li[data-visibility=internal]").filter({ hasText: text }).count();
  await expect
    .poll(async () => {
      await desk.reload();
      return internal("Escalade de niveau 2 : chef de service");
    }, slow)
    .toBe(1);
  expect(await internal("Escalade de niveau 1 : chef de secteur")).toBe(1);
  expect(await internal("Délai de résolution dépassé")).toBe(1);
  expect(await slaPanel(desk).textContent()).toContain("Escalade : niveau 2 (chef de service)");

  // The at-risk queue, from the workspace's queue list: the late ticket, not the fresh one.
  await desk.goto("/bureau");
  await desk
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: /À risque/ })
    .click();
  await desk.waitForURL(/file=at-risk/);
  expect(await desk.getByRole("heading", { level: 1 }).textContent()).toBe("À risque");
  expect(await desk.getByRole("link", { name: late! }).count()).toBe(1);
  expect(await desk.getByRole("link", { name: fresh! }).count()).toBe(0);
  expect(await desk.locator("tr").filter({ hasText: late! }).textContent()).toContain("Dépassé");

  // The school: its words, no internal escalation names, no journal alarms.
  const school = await signedIn("10.7.0.3", "csl.choiseul@guichet.test");
  await school.goto(`/demandes/${late}`);
  expect(await school.getByRole("heading", { name: /Délais de traitement/ }).textContent()).toContain("Délai dépassé");
  const panel = (await slaPanel(school).textContent())!;
  expect(panel).toContain("Délai non respecté"); // taken in charge late
  expect(panel).toContain("encadrement");
  expect(panel).not.toContain("chef de secteur");
  expect(panel).not.toContain("TTR");
  expect(await school.locator("li[data-visibility=internal]").count()).toBe(0);
  await school.goto("/demandes");
  expect(await school.locator("tr").filter({ hasText: fresh! }).textContent()).toContain("Dans les délais");
});

test("an admin adds a closure for the zone's team: refused while the dates are backwards, then the open ticket's deadline moves; deleting it moves it back", async () => {
  const [reference] = await fileThroughApi("10.7.0.4", ["Imprimante réseau injoignable"]);
  const admin = await signedIn("10.7.0.5", "admin@guichet.test");
  await admin.goto(`/bureau/tickets/${reference}`);
  const before = await deadline(admin, "ttr");
  expect(before).toMatch(/^Échéance : /);

  await admin.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Calendriers" }).click();
  await admin.waitForURL(`${baseUrl}/admin/calendriers`);
  await admin.getByLabel("Équipe", { exact: true }).selectOption("PROX-OUEST");
  await admin.getByLabel("Du", { exact: true }).fill(parisDate(7));
  await admin.getByLabel("Au (inclus)").fill(parisDate(0));
  await admin.getByLabel("Libellé").fill("Fermeture de test");
  await admin.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await expect.poll(() => admin.locator("[id$=-error]").getByText("La fin doit être le même jour que le début ou après.").count()).toBe(1);
  expect(
    await admin.locator("[data-error-summary]").getByRole("link", { name: "La fin doit être le même jour que le début ou après." }).count(),
  ).toBe(1);

  await admin.getByLabel("Du", { exact: true }).fill(parisDate(0));
  await admin.getByLabel("Au (inclus)").fill(parisDate(7));
  await admin.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await expect.poll(() => admin.getByText("Fermeture ajoutée ; les échéances sont recalculées.").count()).toBe(1);
  const row = admin.locator("tr[data-closure='Fermeture de test']");
  expect(await row.textContent()).toContain("Équipe mobile Zone Ouest");

  // The ticket's team is closed for a week from today: its deadline to resolve comes after that.
  await admin.goto(`/bureau/tickets/${reference}`);
  const during = await deadline(admin, "ttr");
  expect(during).not.toBe(before);

  await admin.goto("/admin/calendriers");
  await admin.getByRole("button", { name: "Supprimer la fermeture « Fermeture de test »" }).click();
  await expect.poll(() => admin.locator("tr[data-closure='Fermeture de test']").count()).toBe(0);
  await admin.goto(`/bureau/tickets/${reference}`);
  expect(await deadline(admin, "ttr")).toBe(before);
});
