import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createDatabase } from "@/db/client";
import { recordRegisterEntry } from "@/lib/services/registers/record-from-approval";
import { browserForFile, signedInPage } from "../support/browser";
import { queryE2eDatabase } from "../support/e2e-database";
import { bearerFor } from "../support/fetch-sign-in";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const browser = browserForFile();

const CHOISEUL = "0370037P";
const URL_ALLOWED = "https://www.registre-e2e.example.org/ressources";
const ROOM = "Salle E2E ouverte";

let reference = "";
let entryId = "";
let delegationId = "";

/** Files a request as Choiseul's CSL through the API, then records its approval by the head through the service. */
async function fileApproved(
  serviceCode: string,
  categoryCode: string,
  title: string,
  given: Record<string, string | number>,
  ip: string,
): Promise<{ reference: string; entryId: string }> {
  const [category] = await queryE2eDatabase<{ fields: { name: string; kind: string; required?: boolean }[] }>(
    databaseUrl,
    "SELECT fields FROM categories WHERE code = $1",
    [categoryCode],
  );
  // Whatever other text the category asks (a signatory's name), answered.
  const extra = Object.fromEntries(
    category!.fields.filter((field) => field.kind === "text" && field.required !== false).map((field) => [field.name, "Paul Bernard"]),
  );
  const filed = await fetch(`${baseUrl}/api/v1/tickets`, {
    method: "POST",
    headers: { authorization: await bearerFor(baseUrl, "csl.choiseul@guichet.test", ip), "content-type": "application/json" },
    body: JSON.stringify({
      type: "request",
      serviceCode,
      categoryCode,
      establishmentUai: CHOISEUL,
      title,
      description: "Demande datée et signée par le chef d'établissement.",
      impact: "school",
      urgency: "low",
      fields: { ...extra, ...given },
    }),
  });
  expect(filed.status).toBe(201);
  const { reference } = (await filed.json()) as { reference: string };
  const [ids] = await queryE2eDatabase<{ ticket: string; head: string }>(
    databaseUrl,
    "SELECT t.id AS ticket, u.id AS head FROM tickets t, users u WHERE t.reference = $1 AND u.email = 'proviseur.choiseul@guichet.test'",
    [reference],
  );
  const { db, pool } = createDatabase(databaseUrl);
  try {
    const recorded = await db.transaction((tx) =>
      recordRegisterEntry(tx, { ticketId: ids!.ticket, approvedById: ids!.head, approvedAt: new Date() }),
    );
    return { reference, entryId: recorded!.id };
  } finally {
    await pool.end();
  }
}

beforeAll(async () => {
  ({ reference, entryId } = await fileApproved(
    "SECURITE",
    "SEC-FILTRAGE",
    "Ouvrir le site de ressources de sciences",
    { url: URL_ALLOWED, decision: "autoriser", duration_days: 30 },
    "10.15.0.1",
  ));
  ({ entryId: delegationId } = await fileApproved(
    "SERVEUR",
    "SRV-DELEGATION",
    "Droits d'installation en B204",
    { person: "Luc Girard", scope: "Salle B204", actions: "Installer des logiciels pédagogiques", end_date: "2099-06-30" },
    "10.15.0.2",
  ));
  // Its yearly review has come.
  await queryE2eDatabase(databaseUrl, "UPDATE delegations SET needs_review = 'anniversary' WHERE id = $1", [delegationId]);
  // A room of Choiseul in `ouvert` mode, with no delegation naming it.
  await queryE2eDatabase(
    databaseUrl,
    "INSERT INTO room_support_modes (establishment_id, room, support_mode) SELECT id, $1, 'ouvert' FROM establishments WHERE uai = $2",
    [ROOM, CHOISEUL],
  );
});

afterAll(() => queryE2eDatabase(databaseUrl, "DELETE FROM room_support_modes WHERE room = $1", [ROOM]));

test("the CSL reads the school's register from their school's page, flagged for its ouvert room, until the end date; renewing files a request", async () => {
  const csl = await signedInPage(browser(), baseUrl, "10.15.1.1", "csl.choiseul@guichet.test");
  await csl.goto("/mon-etablissement");
  expect(await csl.locator(`[data-delegation-gap="${CHOISEUL}"]`).innerText()).toContain(ROOM);
  await csl.getByRole("link", { name: "Registres (filtrage, délégations)" }).click();
  await csl.waitForURL(`${baseUrl}/etablissements/${CHOISEUL}/registres`);
  const row = csl.locator(`[data-register-entry="${entryId}"]`);
  expect(await row.innerText()).toContain(URL_ALLOWED);
  expect(await row.innerText()).toContain(reference);
  expect(await row.innerText()).toContain("Paul Bernard (Proviseur Choiseul)");
  expect(await row.locator("[data-state]").innerText()).toBe("En vigueur");

  // The end date comes: the entry reads "Expirée".
  await queryE2eDatabase(
    databaseUrl,
    `UPDATE filtering_exceptions SET starts_on = (now() AT TIME ZONE 'Europe/Paris')::date - 30, ends_on = (now() AT TIME ZONE 'Europe/Paris')::date WHERE id = $1`,
    [entryId],
  );
  await csl.reload();
  expect(await row.locator("[data-state]").innerText()).toBe("Expirée");

  // "Renouveler" is a form: one click files a new request with the same answers.
  await row.getByRole("button", { name: "Renouveler" }).click();
  await csl.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/);
  const renewed = new URL(csl.url()).pathname.split("/").pop()!;
  const [ticket] = await queryE2eDatabase<{ url: string }>(databaseUrl, "SELECT fields->>'url' AS url FROM tickets WHERE reference = $1", [
    renewed,
  ]);
  expect(ticket?.url).toBe(URL_ALLOWED);
  await csl.context().close();
});

test("the security team reads every school's registers, sees the ouvert flag and exports the CSV", async () => {
  const secu = await signedInPage(browser(), baseUrl, "10.15.1.2", "secu@guichet.test");
  await secu.goto("/etablissements");
  await secu.getByRole("link", { name: "Registres des établissements" }).click();
  await secu.waitForURL(`${baseUrl}/registres`);
  expect(await secu.locator(`[data-register-entry="${entryId}"]`).innerText()).toContain(URL_ALLOWED);
  expect(await secu.locator(`[data-delegation-gap="${CHOISEUL}"]`).innerText()).toContain(ROOM);

  await secu.getByLabel("UAI de l'établissement").fill(CHOISEUL);
  await secu.getByRole("button", { name: "Filtrer" }).click();
  await secu.waitForURL(`${baseUrl}/registres?uai=${CHOISEUL}`);
  const [download] = await Promise.all([
    secu.waitForEvent("download"),
    secu.getByRole("link", { name: "Exporter les exceptions (CSV)" }).click(),
  ]);
  const rows = parse(await readFile((await download.path())!, "utf8"), { delimiter: ";", bom: true }) as string[][];
  expect(rows[0]).toEqual(["UAI", "Établissement", "Site", "Règle", "Du", "Au", "État", "Validée par", "Validée le", "Demande", "Retrait"]);
  expect(rows.find((cells) => cells.includes(reference))).toEqual(expect.arrayContaining([CHOISEUL, URL_ALLOWED, "Autoriser", "Expirée"]));
  expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  await secu.context().close();
});

test("the head finds the delegation to review on the register and keeps it", async () => {
  const head = await signedInPage(browser(), baseUrl, "10.15.1.3", "proviseur.choiseul@guichet.test");
  await head.goto(`/etablissements/${CHOISEUL}/registres`);
  const row = head.locator(`[data-register-entry="${delegationId}"]`);
  expect(await row.innerText()).toContain("À revoir : revue annuelle");
  await row.getByRole("button", { name: "Revue : maintenir" }).click();
  await expect.poll(() => row.innerText()).not.toContain("À revoir");
  expect(await row.locator("[data-state]").innerText()).toBe("En vigueur");
  await head.context().close();
});
