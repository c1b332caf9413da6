import { readFile } from "node:fs/promises";
import { describe, expect, inject, test } from "vitest";
import { browserForFile, newClient, signedInPage, menuLink } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const TARGET = "dane37@guichet.test";

describe("the audit journal", () => {
  test("an admin disables and re-enables an account, then finds both rows by action and downloads them as CSV", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.9.0.1", "admin@guichet.test");
    await menuLink(page, "Utilisateurs").click();
    await page.waitForURL(`${baseUrl}/admin/utilisateurs`);
    const row = page.locator(`tr[data-email="${TARGET}"]`);

    /** Presses the row's button; the server action's answer names its request id. */
    async function toggle(button: string, status: string): Promise<string> {
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.request().method() === "POST" && candidate.url().includes("/admin/utilisateurs")),
        row.getByRole("button", { name: button }).click(),
      ]);
      await expect.poll(() => row.locator("td").nth(3).textContent()).toBe(status);
      const requestId = response.headers()["x-request-id"];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      return requestId!;
    }
    const disabledBy = await toggle("Désactiver", "Désactivé");
    const enabledBy = await toggle("Réactiver", "Actif");
    expect(enabledBy).not.toBe(disabledBy);

    await page.getByRole("link", { name: "Journal d'audit" }).click();
    await page.waitForURL(`${baseUrl}/admin/journal`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Journal d'audit");
    const filters = page.getByRole("search", { name: "Filtrer le journal" });

    /** Filters by one action (its French label) on accounts; the account's e-mail is in the row's before → after. */
    async function rowsOf(action: string, code: string) {
      await filters.getByLabel("Action").selectOption({ label: action });
      await filters.getByLabel("Type d'objet").selectOption({ label: "Compte" });
      await filters.getByRole("button", { name: "Filtrer" }).click();
      await page.waitForURL(new RegExp(`action=${code.replace(".", "\\.")}`));
      const rows = page.locator("tbody tr");
      return { first: rows.first(), all: await rows.allTextContents() };
    }
    const disabled = await rowsOf("Compte désactivé", "account.disabled");
    expect(disabled.all.every((text) => text.includes("Compte désactivé"))).toBe(true);
    expect(await disabled.first.textContent()).toContain(TARGET);
    expect(await disabled.first.textContent()).toContain(disabledBy);
    expect(await disabled.first.textContent()).toContain("admin@guichet.test");
    const enabled = await rowsOf("Compte réactivé", "account.enabled");
    expect(enabled.all.every((text) => text.includes("Compte réactivé"))).toBe(true);
    expect(await enabled.first.textContent()).toContain(enabledBy);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^journal-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const [header, ...lines] = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe("Date;Qui;Adresse;Action;Type d'objet;Objet;Avant;Après;Requête");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes(";Compte réactivé;Compte;"))).toBe(true);
    expect(lines[0]).toContain(enabledBy);
    expect(lines[0]).toContain(TARGET);
    await page.context().close();
  });

  test("anyone but an admin is refused: the page is not found, the API answers 403, anonymous 401", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.9.0.2", "chef.service@guichet.test");
    const journal = await page.goto("/admin/journal");
    expect(journal?.status()).toBe(404);
    expect(journal?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const csv = await page.context().request.get("/admin/journal/csv");
    expect(csv.status()).toBe(404);
    const api = await page.context().request.get("/api/v1/audit");
    expect(api.status()).toBe(403);
    expect(api.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await page.context().close();

    const anonymous = await newClient(browser(), baseUrl, "10.9.0.3");
    expect((await anonymous.request.get("/api/v1/audit")).status()).toBe(401);
    expect((await anonymous.request.get("/admin/journal/csv")).status()).toBe(401);
    await anonymous.close();
  });
});
