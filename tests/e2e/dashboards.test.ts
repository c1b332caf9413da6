import { expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const PHONE = { width: 360, height: 740 };

/** Files an incident for Lycée Choiseul through the API, as its correspondent: the dashboard then has an open ticket to show. */
async function choiseulTicket(): Promise<string> {
  const context = await newClient(browser(), baseUrl, "10.7.0.9");
  const token = await context.request.post("/api/v1/tokens", {
    data: { email: "csl.choiseul@guichet.test", password: "demo-guichet-2026" },
  });
  const created = await context.request.post("/api/v1/tickets", {
    headers: { authorization: `Bearer ${((await token.json()) as { token: string }).token}` },
    data: {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title: "Vidéoprojecteur du CDI sans image",
      description: "Plus d'image depuis ce matin.",
      impact: "group",
      urgency: "medium",
      fields: {},
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  await context.close();
  return reference;
}

/** Whether the page is wider than the phone (a table or chart that pushes the layout sideways). */
/** Elements sticking out of the phone's width (none when the page fits), named so a failure says which. */
const overflows = (page: import("playwright-core").Page) =>
  page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest(".overflow-x-auto"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} « ${(element.textContent ?? "").slice(0, 60)} »`);
  });

test("a school head on a phone opens the school's dashboard and follows a number to the tickets behind it", async () => {
  const reference = await choiseulTicket();
  const context = await newClient(browser(), baseUrl, "10.7.0.1", PHONE);
  const page = await context.newPage();
  await signIn(page, "proviseur.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);

  // The menu's entry; a head of one school lands on its dashboard.
  await page.getByRole("link", { name: "Tableaux de bord" }).first().click();
  await page.waitForURL(/\/tableaux-de-bord\/etablissements\/0370037P$/);
  expect(await page.getByRole("heading", { level: 1, name: "Lycée Choiseul" }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Maintenant", exact: true }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: /^Sur la période/ }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Équipements", exact: true }).count()).toBe(1);
  // Every figure says how it is computed.
  expect(await page.getByRole("button", { name: "Comment est calculé cet indicateur" }).count()).toBeGreaterThan(10);
  // A chart is drawn (recharts' SVG) and nothing is wider than the phone.
  await expect.poll(() => page.locator("figure svg.recharts-surface").count()).toBeGreaterThan(0);
  expect(await overflows(page)).toEqual([]);

  // Another period: the last 30 days.
  await page.getByRole("combobox", { name: "Période" }).selectOption("30d");
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.waitForURL(/period=30d/);
  expect(await page.getByRole("combobox", { name: "Période" }).inputValue()).toBe("30d");
  expect(await overflows(page)).toEqual([]);

  // Each chart is titled above it, its table folded under "Voir les données": the page is the charts.
  const statusChart = page.getByRole("region", { name: "Tickets ouverts par statut" });
  expect(await statusChart.getByRole("heading", { name: "Tickets ouverts par statut" }).count()).toBe(1);
  const statusTable = page.getByRole("table", { name: "Tickets ouverts par statut" });
  expect(await statusTable.isVisible()).toBe(false);
  await statusChart.getByText("Voir les données").click();
  // The chart's SVG is a drawing only: hidden from assistive technology, out of the tab order.
  expect(await statusChart.locator("svg.recharts-surface").getAttribute("tabindex")).toBeNull();

  // The "Nouveau" count of the open tickets by status leads to the list behind it.
  const newCount = statusTable.getByRole("row", { name: /Nouveau/ }).getByRole("link");
  expect(Number(await newCount.textContent())).toBeGreaterThanOrEqual(1);
  await newCount.click();
  await page.waitForURL(/\/tableaux-de-bord\/tickets\?establishment=0370037P&open=true&status=new$/);
  expect(await page.getByRole("heading", { level: 1, name: /Tickets derrière l'indicateur · Lycée Choiseul/ }).count()).toBe(1);
  const row = page.getByRole("row", { name: new RegExp(reference) });
  expect(await row.count()).toBe(1);
  expect(await overflows(page)).toEqual([]);

  // The list exports as CSV, and the ticket opens on the school's own ticket page.
  const csv = await page.request.get((await page.getByRole("link", { name: /Exporter « Tickets » en CSV/ }).getAttribute("href")) ?? "");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(reference);
  await row.getByRole("link", { name: reference }).click();
  await page.waitForURL(new RegExp(`/demandes/${reference}$`));
  await context.close();
});

test("a sector lead compares two schools of the zone from the regional view", async () => {
  const context = await newClient(browser(), baseUrl, "10.7.0.2", PHONE);
  const page = await context.newPage();
  await signIn(page, "chef.ouest@guichet.test");
  await page.waitForURL(`${baseUrl}/`);
  await page.goto("/tableaux-de-bord");
  await page.getByRole("link", { name: "Vue régionale" }).click();
  await page.waitForURL(/\/tableaux-de-bord\/region$/);
  // A sector lead's regional view is their zone.
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Zone Ouest");
  const schools = page.getByRole("table", { name: "Par établissement" });
  expect(await schools.getByRole("row").count()).toBeGreaterThan(2);
  expect(await schools.getByText("Lycée Bernard Palissy").count()).toBe(0); // Zone Est: not theirs

  // Sorted by backlog, then two schools ticked and compared.
  await schools.getByRole("link", { name: "Trier par Ouverts maintenant" }).first().click();
  await page.waitForURL(/sort=backlog/);
  await page.getByRole("checkbox", { name: /Lycée Choiseul/ }).check();
  await page.getByRole("checkbox", { name: /Lycée Ronsard/ }).check();
  await page.getByRole("button", { name: "Comparer" }).click();
  await page.waitForURL(/\/tableaux-de-bord\/comparer\?/);
  const comparison = page.getByRole("table", { name: "Comparaison de deux établissements" });
  expect(await comparison.getByRole("columnheader", { name: "Lycée Choiseul" }).count()).toBe(1);
  expect(await comparison.getByRole("columnheader", { name: "Lycée Ronsard" }).count()).toBe(1);
  expect(
    await comparison
      .getByRole("row", { name: /Tickets ouverts/ })
      .first()
      .count(),
  ).toBe(1);
  expect(await overflows(page)).toEqual([]);

  // A school of another zone is not theirs to read.
  const foreign = await page.goto("/tableaux-de-bord/etablissements/0450029M");
  expect(foreign?.status()).toBe(404);
  await context.close();
});
