import { createTransport } from "nodemailer";
import { expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { browserForFile, newClient, signedInPage } from "../support/browser";
import { waitForMail } from "../support/mailbox";
import { fileInPortal, headerStatus } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const lmtpPort = inject("mailInLmtpPort");
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
