import { expect, inject, test } from "vitest";
import { browserForFile, menuLink, signedInPage } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

test("a CSL starts filing 'imprimante bloquée', reads the suggested article and ends without a ticket", async () => {
  const page = await signedInPage(browser(), baseUrl, "10.16.0.1", "csl.choiseul@guichet.test");
  const filed = async () =>
    ((await (await page.request.get("/api/v1/tickets?q=imprimante")).json()) as { items: Array<{ title: string }> }).items.filter(
      (ticket) => ticket.title === "imprimante bloq",
    );

  // Filing: the service, then the category; the title being typed brings the article above the form.
  await menuLink(page, "Signaler").click();
  await page.waitForURL(`${baseUrl}/signaler`);
  await page.goto("/signaler/IMPR-PANNE");
  await page.getByLabel("Titre").pressSequentially("imprimante bloq", { delay: 20 });
  const suggestions = page.getByRole("region", { name: "Ces articles répondent peut-être à votre question" });
  const article = suggestions.getByRole("button", { name: "Imprimante bloquée : que faire ?" });
  await article.waitFor();
  await article.click();
  await suggestions.getByRole("heading", { name: "Bourrage papier" }).waitFor();
  expect(await article.getAttribute("aria-expanded")).toBe("true");

  await suggestions.getByRole("button", { name: "Cela a résolu mon problème" }).click();
  await page.waitForURL(`${baseUrl}/aide/imprimante-bloquee-que-faire?resolu=1`);
  expect(await page.getByRole("status").textContent()).toBe("Tant mieux ! Aucune demande n'a été créée.");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Imprimante bloquée : que faire ?");
  expect(await filed()).toEqual([]);
});

test("the help lists articles by service and finds them without accents; who does what; the catalogue's advice", async () => {
  const page = await signedInPage(browser(), baseUrl, "10.16.0.2", "csl.palissy@guichet.test");

  await menuLink(page, "Aide et conseils").click();
  await page.waitForURL(`${baseUrl}/aide`);
  const printing = page.locator("section", { has: page.getByRole("heading", { name: "Solutions d'impression" }) });
  expect(await printing.getByRole("link", { name: "Imprimante bloquée : que faire ?" }).count()).toBe(1);
  // Staff-only articles never reach a school.
  expect(await page.getByText("Relancer le serveur d'impression d'un lycée").count()).toBe(0);
  await page.getByLabel("Chercher dans l'aide").fill("imprimante bloquee");
  await page.getByRole("button", { name: "Chercher" }).click();
  await page.waitForURL(/\/aide\?q=imprimante/);
  await page.getByRole("link", { name: "Imprimante bloquée : que faire ?" }).click();
  await page.waitForURL(`${baseUrl}/aide/imprimante-bloquee-que-faire`);
  expect(await page.getByRole("link", { name: "Imprimante en panne (hors contrat)" }).count()).toBe(1);

  await menuLink(page, "Qui fait quoi ?").click();
  await page.waitForURL(`${baseUrl}/qui-fait-quoi`);
  await page.getByLabel("Chercher une tâche").fill("video projecteur");
  await page.getByRole("button", { name: "Chercher" }).click();
  await page.waitForURL(/q=video/);
  expect(await page.getByText("Se raccorder et faire fonctionner un vidéo projecteur").count()).toBe(1);
  await page.getByRole("link", { name: "Les gestes à faire, puis signaler si besoin" }).click();
  await page.waitForURL(`${baseUrl}/signaler/AV-RACCORD`);

  await menuLink(page, "Catalogue des services").click();
  const service = page.getByRole("article", { name: "Gestion du poste de travail" });
  await service.getByText("Conseils et plus d'infos").click();
  await service.getByText("Les unités centrales achetées par la Région sont garanties 5 ans.").waitFor();
});

test("a technician writes a draft in the editor: schools do not see it until the service lead publishes", async () => {
  const page = await signedInPage(browser(), baseUrl, "10.16.0.3", "tech.ouest@guichet.test");
  await menuLink(page, "Aide et conseils").click();
  await page.waitForURL(`${baseUrl}/aide`);
  await page.getByRole("link", { name: "Écrire un article" }).click();
  await page.waitForURL(`${baseUrl}/aide/nouveau`);
  expect(await page.getByLabel("État").locator("option").allTextContents()).toEqual(["Brouillon"]);
  await page.getByLabel("Titre").fill("Wi-Fi : la borne clignote en orange");
  await page.getByLabel("Texte (Markdown)").fill("## Que faire ?\n\n- Débrancher la borne\n- <script>alert(1)</script>");
  await page.getByLabel("Services liés (codes, par exemple IMPRESSION)").fill("RESEAU");
  await page.getByLabel("Catégories liées (codes, par exemple IMPR-PANNE)").fill("RES-WIFI");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(`${baseUrl}/aide/wi-fi-la-borne-clignote-en-orange`);
  expect(await page.getByRole("heading", { name: "Que faire ?" }).count()).toBe(1);
  expect(await page.getByText("<script>alert(1)</script>").count()).toBe(1);
  expect(await page.getByText("Brouillon", { exact: true }).count()).toBe(1);
  await page.getByRole("link", { name: "Modifier l'article" }).click();
  await page.waitForURL(`${baseUrl}/aide/wi-fi-la-borne-clignote-en-orange/modifier`);
  await page.getByLabel("Mots-clés (séparés par des virgules)").fill("borne, voyant orange");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.waitForURL(`${baseUrl}/aide/wi-fi-la-borne-clignote-en-orange`);
  expect(await page.getByText(/^Version 2 \(brouillon\)/).count()).toBe(1);

  const school = await signedInPage(browser(), baseUrl, "10.16.0.4", "csl.choiseul@guichet.test");
  expect((await school.goto("/aide/wi-fi-la-borne-clignote-en-orange"))!.status()).toBe(404);
});
