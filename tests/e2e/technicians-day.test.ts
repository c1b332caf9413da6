import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { isoWeekAt } from "@/lib/domain/iso-week";
import { browserForFile, signedInPage } from "../support/browser";
import { queryE2eDatabase } from "../support/e2e-database";
import { readMailbox, waitForMail } from "../support/mailbox";
import { removeReferentRow, setReferentRow } from "../support/referent-row";
import { fileInPortal, headerStatus, planFirstProposedSlot, recordOnSiteIntervention, resolveTicket } from "../support/ticket-steps";
import { runFridayJob } from "../support/weekly-report-job";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("e2eDatabaseUrl");
const redisPrefix = inject("e2eRedisPrefix");
const browser = browserForFile();

const CHOISEUL = "0370037P";
/** The day's three people: the school's correspondent, its referent technician and its head. */
const PEOPLE = { csl: "csl.choiseul@guichet.test", referent: "tech.ouest@guichet.test", head: "proviseur.choiseul@guichet.test" } as const;
const TITLE = "L'imprimante de la vie scolaire bourre à chaque page";
const SUMMARY = "Rouleau d'entraînement changé à la vie scolaire : l'imprimante tire de nouveau les feuilles une à une.";
const DETAILS = "Kit rouleaux RM2-5741 pris sur le stock du secteur Ouest ; compteur à 48 210 pages.";

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

// Choiseul's referent for this file only, as notifications.test.ts does: the other files expect none there.
beforeAll(() => setReferentRow(databaseUrl, CHOISEUL, PEOPLE.referent));
afterAll(() => removeReferentRow(databaseUrl, CHOISEUL));

test("the technician's day: a CSL files, the referent is told, plans, intervenes and resolves; the head gets the Friday report", async () => {
  // The CSL files from the portal.
  const csl = await signedIn("10.14.2.1", PEOPLE.csl);
  const reference = await fileInPortal(csl, { title: TITLE, description: "Chaque feuille se froisse à l'entrée, plus rien ne s'imprime." });

  // The school's referent is mailed at once (the worker, through the outbox), and finds it among their notifications.
  const told = await waitForMail(mailDir, (mail) => mail.subject.includes(reference) && mail.to.includes(PEOPLE.referent));
  expect(told.subject).toBe(`[${reference}] Nouvelle demande : Lycée Choiseul`);
  expect(told.text).toContain(`${baseUrl}/bureau/tickets/${reference}`);
  const tech = await signedIn("10.14.2.2", PEOPLE.referent);
  expect(Number(await tech.getByTestId("unread-badge").first().textContent())).toBeGreaterThan(0);
  await tech.getByTestId("notifications-link").first().click();
  await tech.waitForURL(`${baseUrl}/notifications`);
  await tech.getByRole("link", { name: `Nouvelle demande ${reference} : « ${TITLE} »` }).click();
  await tech.waitForURL(`${baseUrl}/bureau/tickets/${reference}`);

  // The referent plans the visit on the first proposed slot; the CSL reads it on the ticket and is mailed.
  const { said } = await planFirstProposedSlot(tech);
  await csl.goto(`/demandes/${reference}`);
  expect(await csl.getByTestId("planned-visit").textContent()).toBe(said);
  expect((await waitForMail(mailDir, (mail) => mail.subject === `[${reference}] Intervention prévue`)).to).toEqual([PEOPLE.csl]);

  // On the day, the technician records the on-site intervention and resolves; the CSL reads the summary, not the details.
  await recordOnSiteIntervention(tech, { minutes: "30", travelMinutes: "15", summary: SUMMARY, details: DETAILS });
  await resolveTicket(tech, "L'imprimante fonctionne de nouveau.");
  await csl.reload();
  expect(await headerStatus(csl)).toContain("Résolu");
  expect(await csl.locator("[data-interventions]").innerText()).toContain("Temps passé : 30 min, dont déplacement 15 min");
  expect(await csl.locator("main").innerText()).not.toContain(DETAILS);

  // The Friday report. The job sends every active school's report, once per school and week: run for this week, it
  // would send Choiseul's before weekly-report.test.ts files its own ticket (or find it already sent). So the
  // journey's ticket moves to last week, which no other file touches, and the test's hook runs last week's Friday.
  const lastWeek = isoWeekAt(new Date(Date.now() - 7 * 86_400_000));
  await queryE2eDatabase(
    databaseUrl,
    `
    WITH moved AS (
      UPDATE tickets SET created_at = created_at - interval '7 days', resolved_at = resolved_at - interval '7 days'
      WHERE reference = $1 RETURNING id
    )
    UPDATE interventions SET started_at = started_at - interval '7 days' WHERE ticket_id IN (SELECT id FROM moved)`,
    [reference],
  );
  await runFridayJob(redisPrefix, lastWeek);

  const subject = `Compte-rendu d'activité de la semaine ${lastWeek.label} : Lycée Choiseul`;
  const report = await waitForMail(mailDir, (mail) => mail.to.includes(PEOPLE.head) && mail.subject === subject, 30_000);
  expect(report.text).toContain(`– ${reference} : ${TITLE}`);
  expect(report.text).toContain(SUMMARY);
  expect(report.text).not.toContain(DETAILS);
  const link = `${baseUrl}/tableaux-de-bord/etablissements/${CHOISEUL}/semaine/${lastWeek.label}`;
  expect(report.text).toContain(link);

  // The head opens the page the mail links to: the journey's ticket among the week's opened ones (another file may
  // have dated a ticket of its own into last week).
  const head = await signedIn("10.14.2.3", PEOPLE.head);
  await head.goto(new URL(link).pathname);
  expect(await head.getByRole("region", { name: /^Tickets ouverts \(\d+\)$/ }).textContent()).toContain(`${reference} : ${TITLE}`);
  // One report for the head, however many times the job ran (other files may give the school another head; the sector
  // lead's is the zone's, under another subject).
  expect((await readMailbox(mailDir)).filter((mail) => mail.to.includes(PEOPLE.head) && mail.subject === subject)).toHaveLength(1);
});
