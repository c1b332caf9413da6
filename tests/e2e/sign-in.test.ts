import { describe, expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn, menuLink } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

async function menuOf(ip: string, email: string): Promise<string[]> {
  const context = await newClient(browser(), baseUrl, ip);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/`);
  const items = await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link").allTextContents();
  await context.close();
  return items;
}

describe("sign-in", () => {
  test("a school requester signs in and finds their school", async () => {
    const context = await newClient(browser(), baseUrl, "10.1.0.1");
    const page = await context.newPage();
    await page.goto("/");
    await page.waitForURL(/\/connexion$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    await signIn(page, "csl.choiseul@guichet.test");
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Bonjour Claire Martin (CSL Choiseul)");
    expect(await page.getByTestId("signed-in-user").textContent()).toContain("Demandeur (établissement)");

    await menuLink(page, "Mon établissement").click();
    await page.waitForURL(`${baseUrl}/mon-etablissement`);
    expect(await page.getByRole("heading", { level: 2 }).textContent()).toBe("Lycée Choiseul");
    expect(await page.locator("dl").first().textContent()).toContain("0370037P");

    // Pages for other roles are not reachable by typing their address.
    const forbidden = await page.goto("/etablissements");
    expect(forbidden?.status()).toBe(404);
    await context.close();
  });

  test("a wrong password gets a French message that does not say which field was wrong", async () => {
    const context = await newClient(browser(), baseUrl, "10.1.0.2");
    const page = await context.newPage();
    await signIn(page, "csl.choiseul@guichet.test", "mauvais-mot-de-passe");
    await expect.poll(() => page.locator("form [role=alert]").textContent()).toBe("Adresse e-mail ou mot de passe incorrect.");
    await signIn(page, "inconnu@guichet.test");
    await expect.poll(() => page.locator("form [role=alert]").textContent()).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(page.url()).toBe(`${baseUrl}/connexion`);
    await context.close();
  });

  test("after ten failures the account is locked out with the wait in minutes", async () => {
    const context = await newClient(browser(), baseUrl, "10.1.0.3");
    const page = await context.newPage();
    // An account no other e2e file signs in with: it stays locked for 15 minutes at this address.
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await context.request.post("/api/v1/tokens", { data: { email: "dane37@guichet.test", password: "faux" } });
      expect(response.status()).toBe(401);
    }
    await signIn(page, "dane37@guichet.test");
    await expect
      .poll(() => page.locator("form [role=alert]").textContent())
      .toMatch(/^Trop de tentatives de connexion\. Réessayez dans 15 minutes\.$/);
    const direct = await context.request.post("/api/auth/callback/credentials", {
      form: { email: "dane37@guichet.test", password: "x", json: "true" },
    });
    expect(direct.status()).toBe(429);
    expect(Number(direct.headers()["retry-after"])).toBeGreaterThan(0);
    await context.close();
  });
});

describe("sessions", () => {
  test("signing out ends the session: the old cookie no longer opens a page", async () => {
    const context = await newClient(browser(), baseUrl, "10.1.0.4");
    const page = await context.newPage();
    await signIn(page, "proviseur.choiseul@guichet.test");
    await page.waitForURL(`${baseUrl}/`);
    const stolen = await context.cookies();
    expect(stolen.find((cookie) => cookie.name.endsWith("next-auth.session-token"))).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      secure: true,
    });

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);

    const replay = await newClient(browser(), baseUrl, "10.1.0.5");
    await replay.addCookies(stolen);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    // The old cookie is a session that ended: the sign-in page says so (a form's typing would be kept).
    expect(replayPage.url()).toMatch(/\/connexion\?session=expiree$/);
    const api = await replay.request.get("/api/v1/me");
    expect(api.status()).toBe(401);
    await replay.close();
    await context.close();
  });

  test("an administrator disabling an account ends its open session on the next request", async () => {
    const tech = await newClient(browser(), baseUrl, "10.1.0.6");
    const techPage = await tech.newPage();
    await signIn(techPage, "tech.est@guichet.test");
    await techPage.waitForURL(`${baseUrl}/`);

    const admin = await newClient(browser(), baseUrl, "10.1.0.7");
    const adminPage = await admin.newPage();
    await signIn(adminPage, "admin@guichet.test");
    await adminPage.waitForURL(`${baseUrl}/`);
    await menuLink(adminPage, "Utilisateurs").click();
    const row = adminPage.locator('tr[data-email="tech.est@guichet.test"]');
    await row.getByRole("button", { name: "Désactiver" }).click();
    await expect.poll(() => row.getByRole("status").textContent()).toBe("Compte mis à jour.");
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("Désactivé");

    await techPage.reload();
    expect(techPage.url()).toMatch(/\/connexion\?session=expiree$/);

    await row.getByRole("button", { name: "Réactiver" }).click();
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("Actif");
    await admin.close();
    await tech.close();
  });
});

describe("navigation by role", () => {
  test.each([
    [
      "csl.palissy@guichet.test",
      [
        "Accueil",
        "Signaler",
        "Mes demandes",
        "Catalogue des services",
        "État des services",
        "Aide et conseils",
        "Qui fait quoi ?",
        "Mon établissement",
        "Inventaire",
        "Mon compte",
      ],
    ],
    [
      "tech.ouest@guichet.test",
      [
        "Accueil",
        "Espace technicien",
        "Planning",
        "Catalogue des services",
        "État des services",
        "Aide et conseils",
        "Qui fait quoi ?",
        "Établissements",
        "Inventaire",
        "Livraisons",
        "Mon compte",
      ],
    ],
    [
      "sav.scc@guichet.test",
      ["Accueil", "Espace technicien", "Catalogue des services", "État des services", "Aide et conseils", "Qui fait quoi ?", "Mon compte"],
    ],
    [
      "admin@guichet.test",
      [
        "Accueil",
        "Espace technicien",
        "Planning",
        "Engagements",
        "Catalogue des services",
        "État des services",
        "Aide et conseils",
        "Qui fait quoi ?",
        "Établissements",
        "Inventaire",
        "Livraisons",
        "Tableaux de bord",
        "Utilisateurs",
        "Routage",
        "Calendriers",
        "Journal d'audit",
        "Organisation",
        "Intégration",
        "Campagnes de dotation",
        "Courriels",
        "Périodes critiques",
        "Mon compte",
      ],
    ],
  ])("%s sees %j", async (email, expected) => {
    expect(await menuOf(`10.2.0.${expected.length}${email.length}`, email)).toEqual(expected);
  });

  test("a technician filters the schools by zone", async () => {
    const context = await newClient(browser(), baseUrl, "10.1.0.8");
    const page = await context.newPage();
    await signIn(page, "tech.ouest@guichet.test");
    await page.waitForURL(`${baseUrl}/`);
    await menuLink(page, "Établissements").click();
    await page.getByLabel("Zone").selectOption("NORD");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/zone=NORD/);
    const rows = await page.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("0280022X");
    await context.close();
  });
});
