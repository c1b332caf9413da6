import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, startApp, startWorker, stopApp } from "../support/app-server";
import { browserForFile, newClient, signIn } from "../support/browser";
import { ACTION, choosePassword, passwordLinkSentTo } from "../support/password-links";
import { startSmtpCapture } from "../support/smtp-capture";
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
    APP_URL: baseUrl, NEXT_DIST_DIR: ".next-e2e", SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, UPLOAD_DIR: mailDir, TRUSTED_PROXIES: E2E_TRUSTED_PROXIES,
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

test("the first admin, opened by user:create, invites a technician through the UI, who sets a password and sees the team's queue", async () => {
  // No mail server answers the command: it prints the link.
  const deadPort = await freePort();
  const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", [
    "db/user-create.ts", "--email", "premiere.admin@region.test", "--name", "Première Admin", "--role", "admin",
  ], { env: { ...process.env, ...environment, SMTP_URL: `smtp://127.0.0.1:${deadPort}` } });
  expect(stdout).toContain("Aucun serveur de messagerie ne répond");
  const adminLink = new URL(/https?:\/\/\S+\/mot-de-passe\/[\w-]+/.exec(stdout)![0]).pathname;

  const adminContext = await newClient(browser(), baseUrl, "10.14.0.1");
  const admin = await adminContext.newPage();
  await choosePassword(admin, adminLink, "la Région ouvre le guichet");
  await signIn(admin, "premiere.admin@region.test", "la Région ouvre le guichet");
  await admin.waitForURL(`${baseUrl}/`);

  // The admin creates a technician of the Ouest mobile team.
  await admin.goto("/admin/utilisateurs");
  await admin.locator("#new-account-email").fill("Technicien.Neuf@region.test");
  await admin.locator("#new-account-name").fill("Tristan Neuf");
  await admin.locator("#new-account-role").selectOption("technician");
  await admin.locator("#new-account-teams").fill("PROX-OUEST");
  await admin.getByRole("button", { name: "Créer le compte et envoyer l'invitation" }).click();
  await expect.poll(() => admin.getByText("Compte créé ; l'invitation est envoyée.").count(), ACTION).toBe(1);
  await admin.goto("/admin/utilisateurs?role=technician");
  expect(await admin.locator('tr[data-email="technicien.neuf@region.test"]').count()).toBe(1);

  // The technician opens the invitation, sets a password, signs in and sees the team's queue.
  const techContext = await newClient(browser(), baseUrl, "10.14.0.2");
  const tech = await techContext.newPage();
  await choosePassword(tech, await passwordLinkSentTo(mailDir, "technicien.neuf@region.test"), "les câbles de la salle B12");
  await signIn(tech, "technicien.neuf@region.test", "les câbles de la salle B12");
  await tech.waitForURL(`${baseUrl}/`);
  await tech.goto("/bureau");
  expect(await tech.getByRole("navigation", { name: "Files" }).getByRole("link", { name: /Équipe mobile Zone Ouest/ }).count()).toBe(1);
  await Promise.all([adminContext.close(), techContext.close()]);
});
