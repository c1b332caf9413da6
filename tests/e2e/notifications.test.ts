import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn } from "../support/browser";
import { queryE2eDatabase } from "../support/e2e-database";
import { waitForMail } from "../support/mailbox";
import { removeReferentRow, setReferentRow } from "../support/referent-row";
import { fileInPortal } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

const REFERENT = "tech.ouest@guichet.test";

// Choiseul's referent for this file only: other files' e-mails to the school stay as they were.
beforeAll(() => setReferentRow(databaseUrl, "0370037P", REFERENT));
afterAll(() => removeReferentRow(databaseUrl, "0370037P"));

test("a CSL files; the school's referent is mailed at once, sees the notification and the unread count, and marks all read", async () => {
  // Whatever earlier files left unread for the referent does not count here.
  await queryE2eDatabase(
    databaseUrl,
    "UPDATE notifications SET read_at = now() WHERE recipient_id = (SELECT id FROM users WHERE email = $1)",
    [REFERENT],
  );

  const school = await newClient(browser(), baseUrl, "10.14.0.1");
  const csl = await school.newPage();
  await signIn(csl, "csl.choiseul@guichet.test");
  await csl.waitForURL(`${baseUrl}/`);
  const reference = await fileInPortal(csl, {
    title: "Le vidéoprojecteur de la salle C12 s'éteint seul",
    description: "Il s'éteint au bout de cinq minutes, en plein cours.",
  });
  await school.close();

  // The referent's e-mail, sent by the worker through the outbox.
  const mail = await waitForMail(mailDir, (message) => message.subject.includes(reference) && message.to.includes(REFERENT));
  expect(mail.subject).toBe(`[${reference}] Nouvelle demande : Lycée Choiseul`);
  expect(mail.text).toContain("« Le vidéoprojecteur de la salle C12 s'éteint seul »");
  expect(mail.text).toContain(`${baseUrl}/bureau/tickets/${reference}`);

  const desk = await newClient(browser(), baseUrl, "10.14.0.2");
  const page = await desk.newPage();
  await signIn(page, REFERENT);
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.getByTestId("unread-badge").first().textContent()).toBe("1");
  await page.getByTestId("notifications-link").first().click();
  await page.waitForURL(`${baseUrl}/notifications`);
  expect(await page.getByTestId("unread-count").textContent()).toBe("1 notification non lue");
  const item = page.getByRole("link", { name: `Nouvelle demande ${reference} : « Le vidéoprojecteur de la salle C12 s'éteint seul »` });
  expect(await item.getAttribute("href")).toBe(`/bureau/tickets/${reference}`);

  await page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Toutes vos notifications sont lues." }).count()).toBe(1);
  await page.reload();
  expect(await page.getByTestId("unread-count").textContent()).toBe("Aucune notification non lue");
  expect(await page.getByTestId("unread-badge").count()).toBe(0);
  await item.click();
  await page.waitForURL(`${baseUrl}/bureau/tickets/${reference}`);

  // Their choice per kind on "Mon compte": new tickets in a digest from now on, then back to the default.
  await page.goto(`${baseUrl}/mon-compte`);
  const newTickets = page.getByLabel("Nouvelle demande dans une file que vous traitez");
  expect(await newTickets.inputValue()).toBe("default");
  await newTickets.selectOption({ label: "Résumé (12 h et 17 h)" });
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect.poll(() => page.getByText("Vos préférences sont enregistrées.").count()).toBe(1);
  const stored = () =>
    queryE2eDatabase<{ delivery: string }>(
      databaseUrl,
      "SELECT delivery FROM notification_preferences WHERE kind = 'new_ticket' AND user_id = (SELECT id FROM users WHERE email = $1)",
      [REFERENT],
    );
  expect(await stored()).toEqual([{ delivery: "digest" }]);
  await page.reload();
  expect(await page.getByLabel("Nouvelle demande dans une file que vous traitez").inputValue()).toBe("digest");
  await page.getByLabel("Nouvelle demande dans une file que vous traitez").selectOption("default");
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect.poll(stored).toEqual([]);
  await desk.close();
});

test("the school's staff get no notifications link and no preferences to choose", async () => {
  const school = await newClient(browser(), baseUrl, "10.14.0.3");
  const page = await school.newPage();
  await signIn(page, "csl.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.getByTestId("notifications-link").count()).toBe(0);
  await page.goto(`${baseUrl}/mon-compte`);
  expect(await page.getByRole("heading", { name: "Mes notifications par e-mail" }).count()).toBe(0);
  await school.close();
});
