import { expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { parisInputValue } from "@/lib/domain/interventions";
import { browserForFile, menuLink, newClient, signedInPage } from "../support/browser";
import { waitForMail } from "../support/mailbox";
import { headerStatus } from "../support/ticket-steps";

const baseUrl = inject("baseUrl");
const mailDir = inject("mailDir");
const browser = browserForFile();

const TITLE = "Coupure du lien internet régional";
const RESOLUTION = "Le lien de l'opérateur est rétabli depuis 10 h 40.";

/** Files a network incident through the API as `email`, for the school `uai`: its reference. */
async function fileThroughApi(ip: string, email: string, uai: string, title: string): Promise<string> {
  const context = await newClient(browser(), baseUrl, ip);
  const token = await context.request.post("/api/v1/tokens", { data: { email, password: DEMO_PASSWORD } });
  const created = await context.request.post("/api/v1/tickets", {
    headers: { authorization: `Bearer ${((await token.json()) as { token: string }).token}` },
    data: {
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-INTERNET",
      establishmentUai: uai,
      title,
      description: "Plus aucun accès à internet.",
      impact: "school",
      urgency: "high",
      fields: {},
    },
  });
  expect(created.status()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  await context.close();
  return reference;
}

test("an outage is announced, a CSL links her school instead of filing, the technician resolves the major incident and both schools are mailed", async () => {
  // The technician opens the major incident; Palissy had already filed about the outage.
  const major = await fileThroughApi("10.16.0.1", "tech.ouest@guichet.test", "0370037P", "Incident majeur : lien internet régional");
  const palissyTicket = await fileThroughApi("10.16.0.2", "csl.palissy@guichet.test", "0450029M", "Plus d'internet au CDI");

  // The service lead announces it on the status page: zone Ouest and Palissy, the network service, backed by the major incident.
  const lead = await signedInPage(browser(), baseUrl, "10.16.0.3", "chef.service@guichet.test");
  await menuLink(lead, "État des services").click();
  await lead.waitForURL(`${baseUrl}/etat-des-services`);
  const form = lead.getByRole("form", { name: "Publier une annonce" });
  await form.getByLabel("Titre", { exact: true }).fill(TITLE);
  await form.getByLabel("Type", { exact: true }).selectOption({ label: "Incident" });
  await form.getByLabel("Ticket d'incident majeur (référence, facultatif)").fill(major);
  await form.getByLabel("Fin", { exact: true }).fill(parisInputValue(new Date(Date.now() + 3 * 3_600_000)));
  await form.getByLabel("Texte", { exact: true }).fill("Le lien de l'opérateur est coupé ; l'équipe réseau est au travail.");
  await form.getByLabel(/^Zones/).fill("OUEST");
  await form.getByLabel(/^Établissements/).fill("0450029M");
  await form.getByLabel(/^Services/).fill("RESEAU");
  await form.getByRole("button", { name: "Publier" }).click();
  await expect.poll(() => form.textContent()).toContain("Annonce publiée");
  await expect.poll(() => lead.getByRole("heading", { name: TITLE }).count()).toBe(1);

  // The service lead groups Palissy's ticket under the major incident from its desk page.
  await lead.goto(`/bureau/tickets/${palissyTicket}`);
  await lead.getByLabel("Incident majeur", { exact: true }).selectOption(major);
  await lead.getByRole("button", { name: "Rattacher à l'incident majeur" }).click();
  await expect.poll(() => lead.getByText("Rattaché à l'incident majeur").count()).toBe(1);

  // Choiseul's CSL is told on the home page and on the network filing form, and links her school instead of filing.
  const csl = await signedInPage(browser(), baseUrl, "10.16.0.4", "csl.choiseul@guichet.test");
  expect(await csl.getByRole("heading", { name: `Incident connu : ${TITLE}. Inutile de le signaler.` }).count()).toBe(1);
  await csl.goto("/signaler/RES-INTERNET");
  const banner = csl.getByRole("region", { name: `Incident connu : ${TITLE}. Inutile de le signaler.` });
  await banner.getByRole("button", { name: "Mon établissement est concerné" }).click();
  await expect.poll(() => banner.textContent()).toMatch(/C'est noté|Votre établissement est rattaché à cet incident/);
  await csl.reload();
  expect(await banner.getByText("Votre établissement est rattaché à cet incident").count()).toBe(1);
  // The workstation form does not show it: the outage is the network's.
  await csl.goto("/signaler/POSTE-PANNE");
  expect(await csl.getByText(`Incident connu : ${TITLE}`).count()).toBe(0);

  // The zone's technician resolves the major incident.
  const technician = await signedInPage(browser(), baseUrl, "10.16.0.5", "tech.ouest@guichet.test");
  await technician.goto(`/bureau/tickets/${major}`);
  expect(await technician.getByText("1 ticket rattaché").count()).toBe(1);
  await technician.getByLabel("Nouveau statut").selectOption({ label: "Résolu" });
  await technician.getByLabel("Message au demandeur (facultatif)").fill(RESOLUTION);
  await technician.getByRole("button", { name: "Changer le statut" }).click();
  await expect.poll(() => headerStatus(technician)).toContain("Résolu");

  // Palissy hears its ticket is resolved, with the technician's message; Choiseul, that the incident is over.
  const resolved = await waitForMail(
    mailDir,
    (mail) => mail.to.includes("csl.palissy@guichet.test") && mail.subject.includes(palissyTicket) && mail.subject.includes("résolue"),
  );
  expect(resolved.text).toContain(RESOLUTION);
  await waitForMail(mailDir, (mail) => mail.to.includes("csl.choiseul@guichet.test") && mail.subject === `Terminé : ${TITLE}`);

  // The status page no longer lists it; the banner is gone.
  await csl.goto("/etat-des-services");
  expect(await csl.getByRole("heading", { name: TITLE }).count()).toBe(0);
  await csl.goto("/signaler/RES-INTERNET");
  expect(await csl.getByText(`Incident connu : ${TITLE}`).count()).toBe(0);
});
