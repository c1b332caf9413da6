import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { browserForFile, newClient, signedInPage } from "../support/browser";
import { setOidcAccount } from "../support/oidc-accounts";
import { queryE2eDatabase } from "../support/e2e-database";

const baseUrl = inject("baseUrl");
const issuer = inject("oidcIssuer");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

const query = <Row extends Record<string, unknown>>(text: string, values: unknown[]) => queryE2eDatabase<Row>(databaseUrl, text, values);

/** A fresh browser (no session at the IdP nor at Guichet) signs in through the test provider's login form. */
async function ssoSignIn(ip: string, sub: string): Promise<Page> {
  const context = await newClient(browser(), baseUrl, ip);
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter avec l'ENT / l'Académie" }).click();
  await page.waitForURL(`${issuer}/interaction/**`);
  await page.getByLabel("Identifiant").fill(sub);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL((url) => url.origin === baseUrl);
  await page.waitForLoadState("networkidle");
  return page;
}

async function schoolsOf(email: string): Promise<string[]> {
  const rows = await query<{ uai: string }>(
    "select e.uai from users u join user_establishments ue on ue.user_id = u.id join establishments e on e.id = ue.establishment_id where u.email = $1 order by e.uai",
    [email],
  );
  return rows.map((row) => row.uai);
}

describe("single sign-on against a real OpenID provider", () => {
  test("the first sign-in opens the account with its school and role; the next one with another UAI moves it", async () => {
    const email = "nadia.roussel@ac-test.fr";
    await setOidcAccount(issuer, "sso-dir-1", { email, email_verified: true, name: "Nadia Roussel", uai: "0450051L", fonction: "DIR" });
    const first = await ssoSignIn("10.13.0.1", "sso-dir-1");
    expect(new URL(first.url()).pathname).toBe("/");
    expect(await first.getByTestId("signed-in-user").textContent()).toContain("Direction d'établissement");
    await first.goto("/mon-etablissement");
    expect(await first.locator("dl").first().textContent()).toContain("0450051L");
    await first.context().close();

    const [account] = await query<{ id: string; role: string; password_hash: string | null; sso_subject: string; function_code: string }>(
      "select id, role, password_hash, sso_subject, function_code from users where email = $1",
      [email],
    );
    expect(account).toMatchObject({ role: "manager", password_hash: null, sso_subject: "sso-dir-1", function_code: "chef_etablissement" });
    expect(await schoolsOf(email)).toEqual(["0450051L"]);
    const created = await query<{ after: { establishments: string[]; role: string } }>(
      "select after from audit_events where action = 'account.created' and object_id = $1",
      [account!.id],
    );
    expect(created).toHaveLength(1);
    expect(created[0]!.after).toMatchObject({ establishments: ["0450051L"], role: "manager", source: "sso" });

    // She moved to another school: the IdP now names it, and Guichet follows at her next sign-in.
    await setOidcAccount(issuer, "sso-dir-1", { email, email_verified: true, name: "Nadia Roussel", uai: "0360019A", fonction: "DIR" });
    const second = await ssoSignIn("10.13.0.2", "sso-dir-1");
    expect(new URL(second.url()).pathname).toBe("/");
    await second.goto("/mon-etablissement");
    const school = await second.locator("dl").first().textContent();
    expect(school).toContain("0360019A");
    expect(school).not.toContain("0450051L");
    await second.context().close();
    expect(await schoolsOf(email)).toEqual(["0360019A"]);
    const updated = await query<{ before: { establishments: string[] }; after: { establishments: string[] } }>(
      "select before, after from audit_events where action = 'account.updated' and object_id = $1",
      [account!.id],
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]!.before.establishments).toEqual(["0450051L"]);
    expect(updated[0]!.after.establishments).toEqual(["0360019A"]);
  });

  test("a teacher (any other function) opens a requester account", async () => {
    const email = "marc.lenoir@ac-test.fr";
    await setOidcAccount(issuer, "sso-ens-1", { email, name: "Marc Lenoir", uai: ["0410718H"], fonction: "ENS" });
    const page = await ssoSignIn("10.13.0.3", "sso-ens-1");
    expect(await page.getByTestId("signed-in-user").textContent()).toContain("Demandeur (établissement)");
    await page.context().close();
    const [account] = await query<{ role: string; function_code: string | null }>(
      "select role, function_code from users where email = $1",
      [email],
    );
    expect(account).toEqual({ role: "requester", function_code: null });
  });

  test("an identity whose UAI Guichet does not know is refused with a French page, and no account is opened", async () => {
    const email = "inconnu.paris@ac-test.fr";
    await setOidcAccount(issuer, "sso-unknown-1", { email, name: "Inès Paris", uai: "0750001U", fonction: "DIR" });
    const page = await ssoSignIn("10.13.0.4", "sso-unknown-1");
    expect(page.url()).toBe(`${baseUrl}/connexion/refusee?raison=etablissement-inconnu`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Connexion refusée");
    expect(await page.locator("main [role=alert]").textContent()).toContain("ne désigne aucun établissement qui utilise Guichet");
    expect(await page.locator("main").textContent()).toContain("demandez à son chef d'établissement");
    // Not signed in: the home page sends back to the sign-in page.
    await page.goto("/");
    await page.waitForURL(/\/connexion/);
    await page.context().close();
    expect(await query("select id from users where email = $1", [email])).toEqual([]);
  });

  test("a disabled account stays closed whatever the IdP says", async () => {
    const email = "celine.faure@ac-test.fr";
    await setOidcAccount(issuer, "sso-disabled-1", { email, name: "Céline Faure", uai: "0360002G", fonction: "ENS" });
    const opened = await ssoSignIn("10.13.0.5", "sso-disabled-1");
    expect(new URL(opened.url()).pathname).toBe("/");
    await opened.context().close();

    await query("update users set disabled_at = now(), token_version = token_version + 1 where email = $1", [email]);
    const refused = await ssoSignIn("10.13.0.6", "sso-disabled-1");
    expect(refused.url()).toBe(`${baseUrl}/connexion/refusee?raison=compte-desactive`);
    expect(await refused.locator("main [role=alert]").textContent()).toBe("Votre compte Guichet est désactivé.");
    await refused.goto("/");
    await refused.waitForURL(/\/connexion/);
    await refused.context().close();
    expect(await schoolsOf(email)).toEqual(["0360002G"]);
  });

  test("an account an administrator opened signs in by SSO and keeps its role", async () => {
    await setOidcAccount(issuer, "sso-tech-1", { email: "Chef.Service@guichet.test", name: "Chef de service" });
    const page = await ssoSignIn("10.13.0.7", "sso-tech-1");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByTestId("signed-in-user").textContent()).toContain("Chef de service");
    await page.context().close();
    const [account] = await query<{ role: string; sso_subject: string }>(
      "select role, sso_subject from users where email = 'chef.service@guichet.test'",
      [],
    );
    expect(account).toEqual({ role: "service_lead", sso_subject: "sso-tech-1" });
  });
});

describe("bulk import of accounts", () => {
  const file = [
    "E-mail;Nom;Prénom;UAI;Fonction",
    "paul.vidal@import.test;Vidal;Paul;0370037P;DIR",
    "zoe.blanc@import.test;Blanc;Zoé;0370037P;CSL",
    "hors.champ@import.test;Champ;Hors;0450029M;ENS",
  ].join("\r\n");

  test("a head checks a directory export, imports the rows of their school, and an imported head then signs in by SSO", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.13.1.1", "proviseur.choiseul@guichet.test");
    await page.goto("/admin/utilisateurs/import");
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "annuaire.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Vérifier (essai à blanc)" }).click();
    await expect.poll(() => page.getByText("Essai à blanc : rien n'a été enregistré.").count()).toBe(1);
    expect(await page.getByText("2 à créer, 0 à mettre à jour, 0 inchangés, 1 refusés").count()).toBe(1);
    expect(await page.locator("tr[data-action=reject]").textContent()).toContain(
      "Vous ne gérez pas les comptes de l'établissement 0450029M.",
    );
    expect(await page.getByRole("link", { name: "Télécharger le rapport d'erreurs (CSV)" }).count()).toBe(1);
    expect(await query("select id from users where email like '%@import.test'", [])).toEqual([]);

    await page.getByRole("button", { name: "Importer les lignes acceptées" }).click();
    await expect.poll(() => page.getByText("Import terminé.").count()).toBe(1);
    expect(await page.getByText("2 créés, 0 mis à jour, 0 inchangés, 1 refusés").count()).toBe(1);
    await page.context().close();
    expect(
      await query("select email, role, function_code, password_hash from users where email like '%@import.test' order by email", []),
    ).toEqual([
      { email: "paul.vidal@import.test", role: "manager", function_code: "chef_etablissement", password_hash: null },
      { email: "zoe.blanc@import.test", role: "requester", function_code: "csl", password_hash: null },
    ]);

    // Imported without a password, he signs in through the ENT, which names his school.
    await setOidcAccount(issuer, "sso-import-1", { email: "paul.vidal@import.test", name: "Paul Vidal", uai: "0370037P", fonction: "DIR" });
    const sso = await ssoSignIn("10.13.1.2", "sso-import-1");
    expect(new URL(sso.url()).pathname).toBe("/");
    expect(await sso.getByTestId("signed-in-user").textContent()).toContain("Direction d'établissement");
    await sso.context().close();
  });

  test("school staff do not reach the import page", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.13.1.3", "csl.palissy@guichet.test");
    expect((await page.goto("/admin/utilisateurs/import"))?.status()).toBe(404);
    await page.context().close();
  });
});
