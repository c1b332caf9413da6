import { createTransport } from "nodemailer";
import { expect, inject, onTestFinished, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { browserForFile, newClient, signedInPage } from "../support/browser";
import { queryE2eDatabase } from "../support/e2e-database";
import { sampleFiles } from "../support/sample-files";
import { waitForMail } from "../support/mailbox";
import { fileInPortal, headerStatus } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const lmtpPort = inject("mailInLmtpPort");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

const REPLY = "C'est le poste près de la fenêtre, salle B12.";

test("a requester answers the 'waiting for you' e-mail from her mail client: the ticket shows her reply and is back in progress", async () => {
  // Claire Martin (CSL Choiseul) files from the portal.
  const school = await signedInPage(browser(), baseUrl, "10.18.0.1", "csl.choiseul@guichet.test");
  const reference = await fileInPortal(school, { title: "Poste muet en salle B12", description: "Aucun son sur le poste du professeur." });

  // The zone's technician asks her a question (through the API, as a desk tool would).
  const desk = await newClient(browser(), baseUrl, "10.18.0.2");
  const token = await desk.request.post("/api/v1/tokens", { data: { email: "tech.ouest@guichet.test", password: DEMO_PASSWORD } });
  const asked = await desk.request.patch(`/api/v1/tickets/${reference}`, {
    headers: { authorization: `Bearer ${((await token.json()) as { token: string }).token}` },
    data: { status: "waiting_requester", message: "Quel poste exactement ?" },
  });
  expect(asked.status()).toBe(200);
  await desk.close();

  // The "waiting for you" e-mail carries a Reply-To naming this e-mail (guichet+<token>@guichet.test).
  const question = await waitForMail(
    mailDir,
    (mail) => mail.to.includes("csl.choiseul@guichet.test") && mail.subject === `[${reference}] Une réponse de votre part est attendue`,
  );
  const raw = (question as typeof question & { raw: string }).raw;
  const replyTo = /^Reply-To:\s*(\S+)\s*$/im.exec(raw)?.[1];
  expect(replyTo).toMatch(/^guichet\+[0-9a-f]{52}@guichet\.test$/);
  const messageId = /^Message-ID:\s*(\S+)\s*$/im.exec(raw)![1]!;

  // Her mail client answers, quoting the question; the school's MTA delivers it to the Guichet mailbox.
  const mta = createTransport({ host: "127.0.0.1", port: lmtpPort, lmtp: true, secure: false, ignoreTLS: true });
  await mta.sendMail({
    envelope: { from: "csl.choiseul@guichet.test", to: ["guichet@localhost"] },
    from: "Claire Martin <csl.choiseul@guichet.test>",
    to: replyTo!,
    subject: `RE: [${reference}] Une réponse de votre part est attendue`,
    inReplyTo: messageId,
    references: [messageId],
    text: `${REPLY}\n\nLe ven. 4 déc. 2026 à 10:00, Guichet <no-reply@guichet.test> a écrit :\n> Quel poste exactement ?\n`,
  });
  mta.close();

  // The ticket shows her reply (without the quoted question) and is back in progress.
  await expect
    .poll(
      async () => {
        await school.goto(`/demandes/${reference}`);
        return headerStatus(school);
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toContain("En cours");
  const journal = await school.locator("main").innerText();
  expect(journal).toContain(REPLY);
  expect(journal).not.toContain("a écrit :");
  await school.context().close();
});

test("a head of two schools writes to the Guichet mailbox: a ticket of the first, with the photo, à qualifier on the desk", async () => {
  // Paul Bernard heads Choiseul and, for this test only, Palissy too (the later files find the demo as it was).
  const link = ["proviseur.choiseul@guichet.test", "0450029M"];
  await queryE2eDatabase(
    databaseUrl,
    `INSERT INTO user_establishments (user_id, establishment_id)
     SELECT u.id, e.id FROM users u, establishments e WHERE u.email = $1 AND e.uai = $2 ON CONFLICT DO NOTHING`,
    link,
  );
  onTestFinished(async () => {
    await queryE2eDatabase(
      databaseUrl,
      `DELETE FROM user_establishments ue USING users u, establishments e
       WHERE ue.user_id = u.id AND ue.establishment_id = e.id AND u.email = $1 AND e.uai = $2`,
      link,
    );
  });
  const mta = createTransport({ host: "127.0.0.1", port: lmtpPort, lmtp: true, secure: false, ignoreTLS: true });
  await mta.sendMail({
    envelope: { from: "proviseur.choiseul@guichet.test", to: ["guichet@localhost"] },
    from: "Paul Bernard <proviseur.choiseul@guichet.test>",
    to: "guichet@guichet.test",
    subject: "Vidéoprojecteur de l'amphithéâtre en panne",
    text: "Le vidéoprojecteur de l'amphithéâtre ne s'allume plus depuis ce matin.\n\n-- \nPaul Bernard\nProviseur",
    attachments: [{ filename: "amphi.png", content: Buffer.from(sampleFiles.png()), contentType: "image/png" }],
  });
  mta.close();

  // He gets the usual creation e-mail, with the reference.
  const created = await waitForMail(
    mailDir,
    (mail) =>
      mail.to.includes("proviseur.choiseul@guichet.test") &&
      mail.subject.endsWith("Votre demande a été enregistrée") &&
      mail.text.includes("Vidéoprojecteur de l'amphithéâtre"),
    30_000,
  );
  const reference = /GU-\d{4}-\d{6}/.exec(created.subject)![0];

  // The service desk reads it: Choiseul's, À qualifier, from the mail, the photo attached, the school to check.
  const desk = await signedInPage(browser(), baseUrl, "10.18.0.3", "admin@guichet.test");
  await desk.goto(`/bureau/tickets/${reference}`);
  const page = await desk.locator("main").innerText();
  expect(page).toContain("Vidéoprojecteur de l'amphithéâtre en panne");
  expect(page).toContain("Le vidéoprojecteur de l'amphithéâtre ne s'allume plus depuis ce matin.");
  expect(page).not.toContain("Paul Bernard\nProviseur");
  expect(page).toContain("À qualifier");
  expect(await desk.getByRole("note").filter({ hasText: "plusieurs établissements" }).count()).toBe(1);
  expect(await desk.getByRole("link", { name: /amphi\.png/ }).count()).toBe(1);
  await desk.context().close();
});
