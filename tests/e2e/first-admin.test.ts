import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, startApp, startWorker, stopApp } from "../support/app-server";
import { browserForFile, menuLink, newClient, signIn } from "../support/browser";
import { ACTION, choosePassword, passwordLinkSentTo } from "../support/password-links";
import { startSmtpCapture } from "../support/smtp-capture";
import { submitNewSchool, submitNewTeam } from "../support/organisation-forms";
import { createTestStores, testEnvironment, type TestStores } from "../support/test-database";
import { E2E_TRUSTED_PROXIES } from "./global-setup";

const browser = browserForFile();

/** An app of its own on a database with reference data only, as a Région installs it. */
let stores: TestStores;
let app: ChildProcess;
let worker: ChildProcess;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let mailDir: string;
let baseUrl: string;
let environment: Record<string, string>;

beforeAll(async () => {
  stores = await createTestStores("e2e_first", { demo: false });
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  mailDir = await mkdtemp(path.join(os.tmpdir(), "guichet-e2e-first-mail-"));
  smtp = await startSmtpCapture({ dir: mailDir });
  environment = testEnvironment(stores, {
    APP_URL: baseUrl,
    NEXT_DIST_DIR: ".next-e2e",
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    UPLOAD_DIR: mailDir,
    TRUSTED_PROXIES: E2E_TRUSTED_PROXIES,
  });
  app = await startApp(environment, port);
  worker = startWorker(environment);
}, 120_000);

afterAll(async () => {
  await Promise.all([stopApp(worker), stopApp(app)]);
  await smtp.close();
  await stores.drop();
  await rm(mailDir, { recursive: true, force: true });
});

test("the first admin, opened by user:create, sets up a school, a technicians' team and its technician through the UI; the technician sets a password and sees the team's queue", async () => {
  // No mail server answers the command: it prints the link.
  const deadPort = await freePort();
  const { stdout } = await promisify(execFile)(
    "node_modules/.bin/tsx",
    ["db/user-create.ts", "--email", "premiere.admin@region.test", "--name", "Première Admin", "--role", "admin"],
    { env: { ...process.env, ...environment, SMTP_URL: `smtp://127.0.0.1:${deadPort}` } },
  );
  expect(stdout).toContain("Aucun serveur de messagerie ne répond");
  const adminLink = new URL(/https?:\/\/\S+\/mot-de-passe\/[\w-]+/.exec(stdout)![0]).pathname;

  const adminContext = await newClient(browser(), baseUrl, "10.14.0.1");
  const admin = await adminContext.newPage();
  await choosePassword(admin, adminLink, "la Région ouvre le guichet");
  await signIn(admin, "premiere.admin@region.test", "la Région ouvre le guichet");
  await admin.waitForURL(`${baseUrl}/`);

  // A school joins: from the menu to the schools, then the new school (its UAI with its check letter) of the Ouest zone.
  await menuLink(admin, "Organisation").click();
  await admin.waitForURL(`${baseUrl}/admin/etablissements`);
  await submitNewSchool(admin, {
    uai: "0371505K",
    name: "Lycée Agnès Sorel",
    type: "LPO",
    city: "Loches",
    departement: "37",
    zone: "OUEST",
  });
  await admin.waitForURL(`${baseUrl}/admin/etablissements/0371505K`);
  expect(await admin.getByRole("heading", { level: 1 }).textContent()).toBe("Lycée Agnès Sorel 0371505K");
  expect(await admin.locator("[data-contacts='0371505K']").textContent()).toMatch(/Dernière modification le .+ par Première Admin/);

  // A technicians' team for the school's zone.
  await admin.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Équipes" }).click();
  await admin.waitForURL(`${baseUrl}/admin/equipes`);
  await submitNewTeam(admin, { code: "prox-loches", name: "Proximité Loches", zone: "OUEST" });
  await admin.waitForURL(`${baseUrl}/admin/equipes/PROX-LOCHES`);

  // Its technician, whose account is created in that team.
  await menuLink(admin, "Utilisateurs").click();
  await admin.waitForURL(`${baseUrl}/admin/utilisateurs`);
  await admin.locator("#new-account-email").fill("Technicien.Neuf@region.test");
  await admin.locator("#new-account-name").fill("Tristan Neuf");
  await admin.locator("#new-account-role").selectOption("technician");
  await admin.locator("#new-account-teams").fill("PROX-LOCHES");
  await admin.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect.poll(() => admin.getByText("Compte créé ; l'invitation est envoyée.").count(), ACTION).toBe(1);
  await admin.goto("/admin/utilisateurs?role=technician");
  expect(await admin.locator('tr[data-email="technicien.neuf@region.test"]').textContent()).toContain("PROX-LOCHES");
  await admin.goto("/admin/equipes/PROX-LOCHES");
  expect(await admin.locator("li[data-member='technicien.neuf@region.test']").count()).toBe(1);
  await admin.goto("/admin/equipes");
  expect(await admin.locator("tr[data-team='PROX-LOCHES']").textContent()).toContain("1 membre");

  // The technician opens the invitation, sets a password, signs in and sees the new team's queue, and no other team's.
  const techContext = await newClient(browser(), baseUrl, "10.14.0.2");
  const tech = await techContext.newPage();
  await choosePassword(tech, await passwordLinkSentTo(mailDir, "technicien.neuf@region.test"), "les câbles de la salle B12");
  await signIn(tech, "technicien.neuf@region.test", "les câbles de la salle B12");
  await tech.waitForURL(`${baseUrl}/`);
  await tech.goto("/bureau");
  const queues = tech.getByRole("navigation", { name: "Files" });
  expect(await queues.getByRole("link", { name: /Proximité Loches/ }).count()).toBe(1);
  expect(await queues.getByRole("link", { name: /Équipe mobile Zone Ouest/ }).count()).toBe(0);
  await queues.getByRole("link", { name: /Proximité Loches/ }).click();
  await tech.waitForURL(`${baseUrl}/bureau?file=PROX-LOCHES`);
  expect(await tech.getByRole("heading", { level: 1 }).textContent()).toBe("Proximité Loches");
  await Promise.all([adminContext.close(), techContext.close()]);
});
