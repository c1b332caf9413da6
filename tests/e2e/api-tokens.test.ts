import { createHash } from "node:crypto";
import { describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { browserForFile, signedInPage, menuLink } from "../support/browser";
import { requestFrom, tokenRequestFrom } from "../support/from-address";
import { queryE2eDatabase } from "../support/e2e-database";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

// Through the trusted loopback proxy, each test from its own client address.
const PROXY = "127.0.0.1";
let client = 0;
const nextAddress = () => `10.40.0.${++client}`;

async function issue(email: string): Promise<string> {
  const answer = await tokenRequestFrom(PROXY, baseUrl, { email, password: DEMO_PASSWORD }, { "x-forwarded-for": nextAddress() });
  expect(answer.status).toBe(201);
  return (JSON.parse(answer.body) as { token: string }).token;
}

const withToken = (method: string, path: string, token: string) =>
  requestFrom(PROXY, baseUrl, path, { method, headers: { authorization: `Bearer ${token}`, "x-forwarded-for": nextAddress() } });

const query = <Row extends Record<string, unknown>>(text: string, values: unknown[]) => queryE2eDatabase<Row>(databaseUrl, text, values);

/** The row id of a token, as Mon compte's form carries it (the database stores only the token's hash). */
async function tokenId(token: string): Promise<string> {
  const rows = await query<{ id: string }>("SELECT id FROM api_tokens WHERE token_hash = $1", [
    createHash("sha256").update(token).digest("hex"),
  ]);
  return rows[0]!.id;
}

describe("API tokens against the running app", () => {
  test("issue, use, revoke with DELETE /api/v1/tokens (204), then refused with 401", async () => {
    const token = await issue("tech.est@guichet.test");
    expect((await withToken("GET", "/api/v1/me", token)).status).toBe(200);
    const revoked = await withToken("DELETE", "/api/v1/tokens", token);
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBe("");
    const refused = await withToken("GET", "/api/v1/me", token);
    expect(refused.status).toBe(401);
    expect(refused.headers["content-type"]).toBe("application/problem+json");
    expect((await withToken("DELETE", "/api/v1/tokens", token)).status).toBe(401);
    expect((await requestFrom(PROXY, baseUrl, "/api/v1/tokens", { method: "DELETE" })).status).toBe(401);
  });

  test("Mon compte lists the account's tokens in French and revokes them; another account's token is out of reach", async () => {
    const used = await issue("chef.ouest@guichet.test");
    const unused = await issue("chef.ouest@guichet.test");
    const theirs = await issue("csl.palissy@guichet.test");
    expect((await withToken("GET", "/api/v1/me", used)).status).toBe(200);

    const page = await signedInPage(browser(), baseUrl, nextAddress(), "chef.ouest@guichet.test");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" }).click();
    await page.waitForURL(`${baseUrl}/mon-compte`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mon compte");
    expect(await page.locator("thead th").allTextContents()).toEqual(["Créé le", "Dernière utilisation", "Expire le", "Actions"]);
    const usedRow = page.locator(`tr[data-token-id="${await tokenId(used)}"]`);
    const unusedRow = page.locator(`tr[data-token-id="${await tokenId(unused)}"]`);
    const frenchDate =
      /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à \d{2}:\d{2}$/;
    const usedCells = await usedRow.locator("td").allTextContents();
    expect(usedCells.slice(0, 3).every((cell) => frenchDate.test(cell))).toBe(true);
    expect(await unusedRow.locator("td").nth(1).textContent()).toBe("Jamais utilisé");
    expect(await page.locator("tbody tr").count()).toBe(2);

    // A forged form naming another account's token: refused, and that token still works.
    await unusedRow
      .locator('input[name="tokenId"]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), await tokenId(theirs));
    await unusedRow.getByRole("button", { name: "Révoquer" }).click();
    await expect.poll(() => unusedRow.getByRole("status").textContent()).toBe("Ce jeton n'existe plus.");
    expect((await withToken("GET", "/api/v1/me", theirs)).status).toBe(200);

    await usedRow.getByRole("button", { name: "Révoquer" }).click();
    await expect.poll(() => usedRow.count()).toBe(0);
    expect((await withToken("GET", "/api/v1/me", used)).status).toBe(401);
    expect((await withToken("GET", "/api/v1/me", unused)).status).toBe(200);
    await page.context().close();
  });

  test("signing out (everywhere) revokes every token of the account", async () => {
    const tokens = [await issue("proviseur.choiseul@guichet.test"), await issue("proviseur.choiseul@guichet.test")];
    const ids = await Promise.all(tokens.map(tokenId));
    const address = nextAddress();
    const page = await signedInPage(browser(), baseUrl, address, "proviseur.choiseul@guichet.test");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    for (const token of tokens) expect((await withToken("GET", "/api/v1/me", token)).status).toBe(401);
    // One audit row per token, from the address that signed out.
    const rows = await query<{ object_id: string; ip: string }>(
      "SELECT object_id, ip FROM audit_events WHERE action = 'token.revoked' AND object_id = ANY($1)",
      [ids],
    );
    expect(rows.map((row) => row.object_id).sort()).toEqual([...ids].sort());
    expect(rows.map((row) => row.ip)).toEqual([address, address]);
    // The browser sign-in recorded its success from that address too (next-auth's authorize() sees the same client).
    expect(await query("SELECT 1 FROM audit_events WHERE action = 'sign_in.succeeded' AND ip = $1", [address])).toHaveLength(1);
    await page.context().close();
  });

  test("disabling an account revokes its tokens; re-enabling does not bring them back", async () => {
    const token = await issue("csl.palissy@guichet.test");
    const admin = await signedInPage(browser(), baseUrl, nextAddress(), "admin@guichet.test");
    await menuLink(admin, "Utilisateurs").click();
    const row = admin.locator('tr[data-email="csl.palissy@guichet.test"]');
    await row.getByRole("button", { name: "Désactiver" }).click();
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("Désactivé");
    await row.getByRole("button", { name: "Réactiver" }).click();
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("Actif");
    expect((await withToken("GET", "/api/v1/me", token)).status).toBe(401);
    await admin.context().close();
  });
});
