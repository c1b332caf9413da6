import { expect, inject, test } from "vitest";
import { isoWeekAt } from "@/lib/domain/iso-week";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { readMailbox } from "../support/mailbox";
import { browserForFile, newClient, signedInPage } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";
import { runFridayJob } from "../support/weekly-report-job";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const redisPrefix = inject("e2eRedisPrefix");
const browser = browserForFile();
const slow = { timeout: 30_000, interval: 500 };

test("the head receives the Friday report of the school's week and opens it, with its PDF; a correspondent may not", async () => {
  const week = isoWeekAt(new Date());
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.14.0.1", ["Baie de brassage B204 muette"], {
    categoryCode: "RES-PANNE",
    description: "Plus aucun poste ne se connecte en B204.",
    urgency: "high",
    fields: { rooms: "B204" },
  });
  await runFridayJob(redisPrefix, week);

  const subject = `Compte-rendu d'activité de la semaine ${week.label} : Lycée Choiseul`;
  await expect
    .poll(
      async () =>
        (await readMailbox(mailDir)).filter((mail) => mail.to.includes("proviseur.choiseul@guichet.test") && mail.subject === subject)
          .length,
      slow,
    )
    .toBe(1);
  const mail = (await readMailbox(mailDir)).find((message) => message.subject === subject)!;
  expect(mail.text).toContain(`– ${reference} : Baie de brassage B204 muette`);
  const link = /https?:\/\/\S+\/semaine\/\d{4}-W\d{2}/.exec(mail.text)![0];
  expect(link).toBe(`${baseUrl}/tableaux-de-bord/etablissements/0370037P/semaine/${week.label}`);
  // The zone's sector lead gets one mail for the zone.
  expect(
    (await readMailbox(mailDir)).some(
      (message) => message.to.includes("chef.ouest@guichet.test") && message.subject.endsWith(": zone Zone Ouest"),
    ),
  ).toBe(true);

  const head = await signedInPage(browser(), baseUrl, "10.14.0.2", "proviseur.choiseul@guichet.test");
  await head.goto(new URL(link).pathname);
  expect(await head.getByRole("heading", { level: 1 }).textContent()).toBe(`Compte-rendu de la semaine · Semaine ${week.label}`);
  const opened = head.getByRole("region", { name: /^Tickets ouverts \(\d+\)$/ });
  expect(await opened.textContent()).toContain(`${reference} : Baie de brassage B204 muette`);

  const pdfLink = head.getByRole("link", { name: "Télécharger en PDF" });
  const pdf = await head.request.get((await pdfLink.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A week that is not one does not exist.
  expect((await head.goto(`/tableaux-de-bord/etablissements/0370037P/semaine/${week.label.slice(0, 4)}-W54`))?.status()).toBe(404);

  // The school's correspondent does not read the dashboards: the page does not exist for them.
  const csl = await signedInPage(browser(), baseUrl, "10.14.0.3", "csl.choiseul@guichet.test");
  expect((await csl.goto(new URL(link).pathname))?.status()).toBe(404);
  const anonymous = await (await newClient(browser(), baseUrl, "10.14.0.4")).newPage();
  await anonymous.goto(new URL(link).pathname);
  expect(anonymous.url()).toContain("/connexion");
});

/** A Paris calendar day, some days from today, as a date input takes it. */
const parisDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const frenchDay = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

test("an admin declares a critical period for one school; its P3 incident is filed P2 and the ticket says why", async () => {
  // Jean de Berry (0180009M) only, so the other files' tickets (Choiseul, Palissy) keep their priorities.
  const admin = await signedInPage(browser(), baseUrl, "10.14.0.5", "admin@guichet.test");
  await admin.goto("/admin/periodes-critiques");
  const form = admin.getByRole("form", { name: "Déclarer une période critique" });
  await form.getByLabel("Nom").fill("BTS blanc");
  await form.getByLabel("Type").selectOption("bts");
  await form.getByLabel("Premier jour").fill(parisDay());
  await form.getByLabel("Dernier jour (inclus)").fill(parisDay(2));
  await form.getByLabel("Établissements concernés").fill("0180009M");
  await form.getByRole("button", { name: "Déclarer la période" }).click();
  await expect.poll(() => admin.getByRole("row").filter({ hasText: "BTS blanc" }).textContent(), slow).toContain("0180009M");

  const token = await admin.request.post("/api/v1/tokens", { data: { email: "admin@guichet.test", password: DEMO_PASSWORD } });
  const authorization = `Bearer ${((await token.json()) as { token: string }).token}`;
  const filed = await admin.request.post("/api/v1/tickets", {
    headers: { authorization },
    data: {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0180009M",
      impact: "individual",
      urgency: "medium",
      title: "Poste de la salle d'examen",
      description: "Il ne démarre plus.",
      fields: {},
    },
  });
  expect(filed.status()).toBe(201);
  const ticket = (await filed.json()) as { reference: string; priority: string };
  expect(ticket.priority).toBe("P2");
  await admin.goto(`/bureau/tickets/${ticket.reference}`);
  expect(await admin.getByRole("note").filter({ hasText: "période critique" }).textContent()).toBe(
    `Priorité relevée à P2 : période critique « BTS blanc » (du ${frenchDay(parisDay())} au ${frenchDay(parisDay(2))})`,
  );
});
