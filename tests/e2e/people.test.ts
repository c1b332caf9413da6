import { expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn, signedInPage } from "../support/browser";
import { ACTION, choosePassword, passwordLinkSentTo, submitPassword } from "../support/password-links";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

const CSL_EMAIL = `nouvelle.csl.${Date.now()}@guichet.test`;
const PASSWORD = "le préau du lycée Choiseul";

test("a head invites a CSL, who chooses a password and files a ticket; once removed, they can no longer sign in nor read it", async () => {
  // The head invites a CSL from "Mon établissement".
  const head = await signedInPage(browser(), baseUrl, "10.13.0.1", "proviseur.choiseul@guichet.test");
  await head.goto("/mon-etablissement");
  await head.locator("#invite-0370037P-name").fill("Nina Nouvelle");
  await head.locator("#invite-0370037P-email").fill(CSL_EMAIL);
  await head.locator("#invite-0370037P-role").selectOption("requester");
  await head.locator("#invite-0370037P-function").selectOption("csl");
  await head.getByRole("button", { name: "Inviter" }).click();
  await expect.poll(() => head.getByText("Invitation envoyée.").count(), ACTION).toBe(1);
  await head.reload();
  expect(await head.locator(`tr[data-email="${CSL_EMAIL}"]`).count()).toBe(1);

  // The CSL opens the invitation e-mail and chooses a password: a common one is refused first.
  const context = await newClient(browser(), baseUrl, "10.13.0.2");
  const page = await context.newPage();
  const link = await passwordLinkSentTo(mailDir, CSL_EMAIL);
  await page.goto(link);
  await submitPassword(page, "azerty123456");
  await expect.poll(() => page.getByText("Ce mot de passe est trop courant", { exact: false }).count(), ACTION).toBeGreaterThan(0);
  await choosePassword(page, link, PASSWORD);

  // They sign in and file a ticket.
  await signIn(page, CSL_EMAIL, PASSWORD);
  await page.waitForURL(`${baseUrl}/`);
  const token = await context.request.post("/api/v1/tokens", { data: { email: CSL_EMAIL, password: PASSWORD } });
  expect(token.status()).toBe(201);
  const authorization = `Bearer ${((await token.json()) as { token: string }).token}`;
  const created = await context.request.post("/api/v1/tickets", {
    headers: { authorization },
    data: {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-WIFI",
      establishmentUai: "0370037P",
      title: "WiFi de la vie scolaire",
      description: "Plus de réseau depuis ce matin.",
      impact: "group",
      urgency: "medium",
      fields: { area: "CDI" },
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  await page.goto(`/demandes/${reference}`);
  expect(await page.getByText("WiFi de la vie scolaire").count()).toBeGreaterThan(0);

  // The head removes them from the school, their only one.
  await head.goto("/mon-etablissement");
  await head.locator(`tr[data-email="${CSL_EMAIL}"]`).getByRole("button", { name: "Retirer de l'établissement" }).click();
  // Their row leaves the staff list (and its form with it).
  await expect.poll(() => head.locator(`tr[data-email="${CSL_EMAIL}"]`).count(), ACTION).toBe(0);

  // Their session, their token and their password stop at once; the ticket stays with the school.
  await page.goto(`/demandes/${reference}`);
  await page.waitForURL(/\/connexion/);
  expect((await context.request.get(`/api/v1/tickets/${reference}`, { headers: { authorization } })).status()).toBe(401);
  expect((await context.request.post("/api/v1/tokens", { data: { email: CSL_EMAIL, password: PASSWORD } })).status()).toBe(401);
  await head.goto(`/demandes/${reference}`);
  expect(await head.getByText("(a quitté l'établissement)").count()).toBe(1);
  await context.close();
  await head.context().close();
});
