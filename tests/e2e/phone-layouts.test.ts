import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
const SCREENS = [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const;

let ipCount = 0;
/** A page of its own client address at a given size, signed in and landed on the home page. */
async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  ipCount += 1;
  const context = await newClient(browser(), baseUrl, `10.12.0.${ipCount}`, viewport);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/**
 * Elements sticking out of the viewport sideways (none when the page fits), named so a failure says which. What sits
 * in a box scrolling sideways is reached by scrolling that box, which must fit itself.
 */
const overflows = (page: Page) =>
  page.evaluate(() => [
    ...(document.documentElement.scrollWidth > window.innerWidth
      ? [`page scrollWidth ${document.documentElement.scrollWidth} > ${window.innerWidth}`]
      : []),
    ...[...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const scroller = element.parentElement?.closest(".overflow-x-auto");
        return box.width > 0 && !scroller && (box.right > window.innerWidth + 1 || box.left < -1);
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} « ${(element.textContent ?? "").slice(0, 60)} »`),
  ]);

/** How far the page's list (its first sideways-scrolling box) would scroll sideways: 0 when it shows whole. */
const sidewaysScroll = (page: Page) =>
  page
    .locator("main .overflow-x-auto")
    .first()
    .evaluate((box) => box.scrollWidth - box.clientWidth);

/** Saves a screenshot when E2E_SCREENSHOTS names a folder, so the layouts can be looked at. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

let reference = "";
beforeAll(async () => {
  // An open P2 ticket of Lycée Choiseul's CSL (high urgency, a group): the home and the lists have a row to show.
  const filed = await fileThroughApi(browser(), baseUrl, "10.12.1.1", ["Wi-Fi coupé dans tout le bâtiment B"], {
    categoryCode: "RES-WIFI",
    description: "Plus aucune borne ne répond.",
    urgency: "high",
    fields: { area: "Bâtiment B" },
  });
  reference = filed[0]!;
});

describe.each(SCREENS)("on a %s", (screen, viewport) => {
  test("a CSL's home leads to filing, their open requests, what waits for them and their contacts", async () => {
    const page = await signedIn("csl.choiseul@guichet.test", viewport);
    const main = page.locator("main");
    expect(await page.title()).toBe("Accueil · Guichet");
    expect(await main.getByRole("link", { name: "Signaler un problème" }).getAttribute("href")).toBe("/signaler");
    expect(await main.getByRole("link", { name: "Faire une demande" }).getAttribute("href")).toBe("/catalogue");
    await main.getByRole("heading", { name: "Ce qui vous attend" }).waitFor();
    const mine = main.getByRole("region", { name: "Mes demandes en cours" });
    expect(await mine.getByRole("link", { name: reference }).getAttribute("href")).toBe(`/demandes/${reference}`);
    // A P2 stands out in words, not by colour alone.
    expect(await mine.getByRole("row").filter({ hasText: reference }).textContent()).toContain("Prioritaire");
    const contacts = main.getByRole("region", { name: "Vos contacts" });
    expect(await contacts.textContent()).toContain("Paul Bernard (Proviseur Choiseul)");
    expect(await overflows(page)).toEqual([]);
    await shot(page, `home-csl-${screen}`);
    await page.context().close();
  });

  test("a technician's home shows their queues with their counts and the tickets at risk", async () => {
    const page = await signedIn("tech.ouest@guichet.test", viewport);
    const main = page.locator("main");
    for (const queue of ["mine", "unassigned", "at-risk", "PROX-OUEST"]) {
      const link = main.getByTestId(`home-queue-${queue}`);
      expect(await link.getAttribute("href")).toBe(`/bureau?file=${queue}`);
      expect(await link.textContent()).toMatch(/^\d+/);
    }
    // The school's ticket waits, unassigned, in the zone's queue.
    expect(Number((await main.getByTestId("home-queue-unassigned").textContent())!.match(/^\d+/)![0])).toBeGreaterThan(0);
    await main.getByRole("heading", { name: "Tickets à risque" }).waitFor();
    expect(await main.getByRole("link", { name: "Signaler un problème" }).count()).toBe(0);
    expect(await overflows(page)).toEqual([]);
    await shot(page, `home-technician-${screen}`);
    await page.context().close();
  });

  test("a head's home sums up the school's dashboard and leads to it", async () => {
    const page = await signedIn("proviseur.choiseul@guichet.test", viewport);
    const main = page.locator("main");
    const summary = main.getByTestId("home-school-summary");
    expect(await summary.textContent()).toMatch(/Tickets ouverts\D*\d+/);
    expect(await main.getByRole("link", { name: "Tableau de bord", exact: true }).first().getAttribute("href")).toBe(
      "/tableaux-de-bord/etablissements/0370037P",
    );
    expect(await main.getByRole("link", { name: "Signaler un problème" }).count()).toBe(1);
    expect(await overflows(page)).toEqual([]);
    await shot(page, `home-head-${screen}`);
    await page.context().close();
  });

  test("'Mes demandes', the desk and a dashboard fit the screen", async () => {
    const csl = await signedIn("csl.choiseul@guichet.test", viewport);
    await csl.goto("/demandes");
    await csl.getByRole("link", { name: reference }).waitFor();
    expect(await csl.title()).toBe("Mes demandes · Guichet");
    expect(await overflows(csl)).toEqual([]);
    expect(await sidewaysScroll(csl)).toBeLessThanOrEqual(0);
    await shot(csl, `demandes-${screen}`);
    await csl.context().close();

    const tech = await signedIn("tech.ouest@guichet.test", viewport);
    await tech.goto("/bureau?file=unassigned");
    const first = tech.getByRole("link", { name: reference });
    await first.waitFor();
    expect(await tech.title()).toBe("Tickets non affectés · Espace technicien · Guichet");
    expect(await overflows(tech)).toEqual([]);
    // The queue is whole, as a table on a desktop or as cards on a phone: nothing to scroll sideways inside it.
    expect(await sidewaysScroll(tech)).toBeLessThanOrEqual(0);
    // The first ticket is on the first screen, the filters and bulk actions folded away on a phone.
    expect((await first.boundingBox())!.y).toBeLessThan(viewport.height);
    await shot(tech, `bureau-${screen}`);
    await tech.context().close();

    const head = await signedIn("proviseur.choiseul@guichet.test", viewport);
    await head.goto("/tableaux-de-bord/etablissements/0370037P");
    await head.getByTestId("figure-open").waitFor();
    expect(await overflows(head)).toEqual([]);
    await shot(head, `dashboard-${screen}`);
    await head.context().close();
  });

  test.each([
    ["csl.choiseul@guichet.test", "/mon-etablissement", "Mon établissement · Guichet"],
    ["tech.ouest@guichet.test", "/bureau/planning", "Planning des visites · Guichet"],
    ["tech.ouest@guichet.test", "/notifications", "Notifications · Guichet"],
    ["admin@guichet.test", "/admin/periodes-critiques", "Périodes critiques · Guichet"],
  ])("%s's %s fits the screen", async (email, path, title) => {
    const page = await signedIn(email, viewport);
    await page.goto(path);
    expect(await page.title()).toBe(title);
    expect(await overflows(page)).toEqual([]);
    await shot(page, `${path.replaceAll("/", "_")}-${screen}`);
    await page.context().close();
  });
});

test("on a phone the header is one compact bar whose menu button opens the navigation", async () => {
  const page = await signedIn("csl.choiseul@guichet.test", PHONE);
  const header = (await page.locator("header").boundingBox())!;
  expect(header.height).toBeLessThanOrEqual(64);
  const navigation = page.getByRole("navigation", { name: "Navigation principale" });
  expect(await navigation.isVisible()).toBe(false);
  const menu = page.getByRole("button", { name: "Menu" });
  expect(await menu.getAttribute("aria-expanded")).toBe("false");
  await menu.click();
  expect(await page.getByRole("button", { name: "Fermer le menu" }).getAttribute("aria-expanded")).toBe("true");
  await navigation.getByRole("link", { name: "Mes demandes" }).click();
  await page.waitForURL(`${baseUrl}/demandes`);
  // The next page opens with the menu folded again.
  expect(await navigation.isVisible()).toBe(false);
  expect(await overflows(page)).toEqual([]);
  await page.context().close();
});

test("on a phone the desk's filters unfold from their button", async () => {
  const page = await signedIn("tech.ouest@guichet.test", PHONE);
  await page.goto("/bureau?file=unassigned");
  const filters = page.getByRole("search", { name: "Filtrer la file" });
  expect(await filters.isVisible()).toBe(false);
  await page.getByRole("button", { name: "Filtres et tri" }).click();
  expect(await filters.isVisible()).toBe(true);
  await page.context().close();
});

describe("error pages", () => {
  test("a 404 inside the app says so in French, under its own title", async () => {
    const page = await signedIn("csl.choiseul@guichet.test", DESKTOP);
    for (const path of [
      "/demandes/INC-1999-999999",
      "/nulle-part",
      "/inventaire/equipements/00000000-0000-4000-8000-000000000000",
      "/tableaux-de-bord/etablissements/9999999Z",
      "/etablissements/0450029M",
      "/admin/utilisateurs/00000000-0000-4000-8000-000000000000",
      "/admin/equipes/PROX-OUEST",
      "/admin/etablissements/0370037P",
      "/admin/calendriers/PROX-OUEST",
      "/admin/routage/00000000-0000-4000-8000-000000000000",
      "/inventaire/etablissements/0450029M",
      "/tableaux-de-bord/etablissements/0450029M/semaine/2026-W49",
    ]) {
      const response = await page.goto(path);
      expect(response!.status()).toBe(404);
      expect(await page.title()).toBe("Page introuvable · Guichet");
      await page.getByRole("heading", { name: "Page introuvable" }).waitFor();
      expect(await page.getByRole("link", { name: "Retour à l'accueil" }).getAttribute("href")).toBe("/");
    }
    await page.context().close();
  });

  test("a malformed address gets a French page, never Next's bare English error", async () => {
    const page = await signedIn("csl.choiseul@guichet.test", DESKTOP);
    for (const path of ["/demandes/%E0%A4%A", "/bureau/tickets/%", "/admin/calendriers/%C0"]) {
      await page.goto(path);
      const body = (await page.locator("body").textContent()) ?? "";
      expect(body).not.toMatch(/Internal Server Error|Bad Request|This page could not be found/);
      expect(body).toMatch(/Une erreur est survenue|Page introuvable/);
      expect(await page.getByRole("link", { name: "Retour à l'accueil" }).count()).toBe(1);
    }
    await page.context().close();
  });

  test("pages carry a favicon and the filing steps their own titles", async () => {
    const page = await signedIn("csl.choiseul@guichet.test", DESKTOP);
    const icon = await page.locator("link[rel=icon]").first().getAttribute("href");
    const response = await page.request.get(icon!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    await page.goto("/signaler");
    expect(await page.title()).toBe("Signaler : choisir un service · Guichet");
    await page.goto("/signaler?service=RESEAU");
    expect(await page.title()).toMatch(/^Signaler : .+ · Guichet$/);
    expect(await page.title()).not.toBe("Signaler : choisir un service · Guichet");
    await page.goto("/signaler/RES-WIFI");
    expect(await page.title()).toMatch(/^Signaler : .*Wi-?Fi.* · Guichet$/i);
    await page.context().close();
  });
});
