import { afterAll, expect, inject, test } from "vitest";
import { isoWeekOf } from "@/lib/domain/visit-planning";
import { visitDay } from "@/lib/presentation/visit-day";
import { browserForFile, menuLink, signedInPage } from "../support/browser";
import { fileThroughApi } from "../support/file-through-api";
import { waitForMail } from "../support/mailbox";
import { removeReferentRow } from "../support/referent-row";
import { planFirstProposedSlot } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

const signedIn = (ip: string, email: string) => signedInPage(browser(), baseUrl, ip, email);

// Other files file at Choiseul and expect its tickets to wait in the team's queue: leave it without a referent.
afterAll(() => removeReferentRow(databaseUrl, "0370037P"));

test("the sector lead names Choiseul's referent; the referent gets the next ticket and plans a visit; the CSL sees it on the ticket and on Mon établissement", async () => {
  // The Ouest sector lead names Thomas Leroy referent of Lycée Choiseul, on the school's page.
  const lead = await signedIn("10.14.0.1", "chef.ouest@guichet.test");
  await lead.goto("/etablissements/0370037P");
  await lead.getByLabel("Référent", { exact: true }).selectOption({ label: "Thomas Leroy (Technicien Ouest)" });
  await lead.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(() => lead.getByText("Le référent est enregistré.").count()).toBe(1);
  await expect.poll(() => lead.getByText("Référent : Thomas Leroy (Technicien Ouest)").count()).toBe(1);

  // A Wi-Fi incident filed by the CSL goes straight to the referent (the proximity rule assigns to the referent).
  const [reference] = await fileThroughApi(browser(), baseUrl, "10.14.0.2", ["Wi-Fi coupé au CDI"], {
    categoryCode: "RES-WIFI",
    description: "Coupures fréquentes.",
    urgency: "medium",
    fields: { area: "CDI" },
  });

  // The referent plans the visit on the first proposed slot, from the desk's ticket page.
  const tech = await signedIn("10.14.0.3", "tech.ouest@guichet.test");
  await tech.goto(`/bureau/tickets/${reference}`);
  expect(await tech.getByText("Technicien : Thomas Leroy (Technicien Ouest)").count()).toBeGreaterThan(0);
  const { onDate, said } = await planFirstProposedSlot(tech);

  // It is in the technician's planning, in the visit's week.
  await menuLink(tech, "Planning").click();
  await tech.waitForURL(`${baseUrl}/bureau/planning`);
  await tech.goto(`/bureau/planning?semaine=${isoWeekOf(onDate)}`);
  expect(await tech.getByRole("link", { name: reference }).count()).toBe(1);

  // The CSL reads the planned visit on the ticket, and the referent and next visit on Mon établissement; the mail came.
  const csl = await signedIn("10.14.0.4", "csl.choiseul@guichet.test");
  expect(await csl.getByText("Référent : Thomas Leroy (Technicien Ouest)").count()).toBe(1);
  await csl.goto(`/demandes/${reference}`);
  expect(await csl.getByTestId("planned-visit").textContent()).toBe(said);
  await menuLink(csl, "Mon établissement").click();
  await csl.waitForURL(`${baseUrl}/mon-etablissement`);
  const panel = csl.getByTestId("school-technician-0370037P");
  expect(await panel.textContent()).toContain("Référent : Thomas Leroy (Technicien Ouest)");
  expect(await panel.textContent()).toMatch(/Prochaine visite : \w+ \d+ \S+, (matin|après-midi)/);
  const mail = await waitForMail(mailDir, (message) => message.subject === `[${reference}] Intervention prévue`);
  expect(mail.to).toEqual(["csl.choiseul@guichet.test"]);
  expect(mail.text).toContain(`Une intervention sur place est prévue le ${visitDay(onDate, "fr")}`);
});
