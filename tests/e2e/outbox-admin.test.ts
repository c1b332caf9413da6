import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { readMailbox } from "../support/mailbox";
import { browserForFile, signedInPage, menuLink } from "../support/browser";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();
const tag = randomUUID().slice(0, 8);
const SENT = {
  subject: `Votre demande avance ${tag}`,
  text: `Bonjour,\nla demande ${tag} est prise en charge.`,
  html: `<p onclick="alert(1)">Bonjour <script>alert(1)</script>${tag}</p>`,
};
const FAILED = {
  subject: `Demande clôturée ${tag}`,
  to: `inconnu-${tag}@guichet.test`,
  answer: "550 5.1.1 <inconnu@guichet.test>: Recipient address rejected",
};

let client: Client;
let failedId: string;

beforeAll(async () => {
  client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Rows as the worker leaves them: one accepted by the server, one refused for good (the capture accepts everything).
  await client.query(
    `INSERT INTO outbox_emails (idempotency_key, to_address, subject, text_body, html_body, status, attempts, sent_at, created_at)
     VALUES ($1, 'csl.choiseul@guichet.test', $2, $3, $4, 'sent', 1, now(), now() + interval '1 day')`,
    [`e2e-outbox-sent-${tag}`, SENT.subject, SENT.text, SENT.html],
  );
  const failed = await client.query<{ id: string }>(
    `INSERT INTO outbox_emails (idempotency_key, to_address, subject, text_body, html_body, status, attempts, last_error, created_at)
     VALUES ($1, $2, $3, 'Votre demande est close.', '<p>Votre demande est close.</p>', 'failed', 1, $4, now() + interval '1 day') RETURNING id`,
    [`e2e-outbox-failed-${tag}`, FAILED.to, FAILED.subject, FAILED.answer],
  );
  failedId = failed.rows[0]!.id;
});

afterAll(async () => {
  await client?.end();
});

describe("/admin/courriels", () => {
  test("an admin reads a sent e-mail as sent, sees a failed one with the server's answer, and Renvoyer sends it", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.9.12.1", "admin@guichet.test");
    await menuLink(page, "Courriels").click();
    await page.waitForURL(`${baseUrl}/admin/courriels`);

    const failedRow = page.locator("tr", { hasText: FAILED.subject });
    await expect.poll(() => failedRow.textContent()).toContain(FAILED.answer);
    expect(await failedRow.textContent()).toContain("Non envoyé");

    await page.getByRole("link", { name: SENT.subject }).click();
    await page.waitForURL(/\/admin\/courriels\/[0-9a-f-]{36}$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(SENT.subject);
    expect(await page.getByTestId("mail-text").textContent()).toBe(SENT.text);
    // The HTML version is its source, as text: nothing of it runs in the page.
    await page.getByText("Version HTML (source)").click();
    expect(await page.getByText(SENT.html).isVisible()).toBe(true);
    expect(await page.locator("script", { hasText: "alert(1)" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Renvoyer" }).count()).toBe(0);

    await page.getByRole("link", { name: "Tous les courriels" }).click();
    await page.waitForURL(`${baseUrl}/admin/courriels`);
    await page.getByRole("button", { name: `Renvoyer le courriel « ${FAILED.subject} »` }).click();
    // Back to the worker, which hands it to the SMTP capture.
    await expect
      .poll(async () => (await client.query("SELECT status FROM outbox_emails WHERE id = $1", [failedId])).rows[0].status, {
        timeout: 20_000,
      })
      .toBe("sent");
    await expect
      .poll(async () => (await readMailbox(mailDir)).some((mail) => mail.subject === FAILED.subject && mail.to.includes(FAILED.to)), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.reload();
    expect(await page.locator("tr", { hasText: FAILED.subject }).getAttribute("data-status")).toBe("sent");
  });

  test("anyone but an admin gets a 404, and Renvoyer is not theirs to press", async () => {
    const page = await signedInPage(browser(), baseUrl, "10.9.12.2", "tech.ouest@guichet.test");
    expect(await menuLink(page, "Courriels").count()).toBe(0);
    const response = await page.goto(`${baseUrl}/admin/courriels`);
    expect(response?.status()).toBe(404);
    expect((await page.goto(`${baseUrl}/admin/courriels/${failedId}`))?.status()).toBe(404);
  });
});
