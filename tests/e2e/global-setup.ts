import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startApp, startWorker, stopApp } from "../support/app-server";
import { startDovecot } from "../support/dovecot";
import { startOidcProvider } from "../support/oidc-provider";
import { startSmtpCapture } from "../support/smtp-capture";
import { createTestStores, testEnvironment } from "../support/test-database";

export const E2E_DIST_DIR = ".next-e2e";
export const E2E_TRUSTED_PROXIES = "127.0.0.1/32,::1/128";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the test SMTP server writes each e-mail the worker sends, one JSON file per message. */
    mailDir: string;
    /** The app's throw-away database, for a test that must set up what only time would (a ticket filed days ago). */
    e2eDatabaseUrl: string;
    /** The test OpenID provider the app's single sign-on points to (set its accounts with setOidcAccount). */
    oidcIssuer: string;
    /** The worker's Redis prefix, for a test that enqueues a scheduled job itself with the time it needs (the weekly report). */
    e2eRedisPrefix: string;
    /** The LMTP port of the Dovecot the worker reads (mail in): deliver there as an MTA would, to `guichet@localhost`. */
    mailInLmtpPort: number;
  }
}

/**
 * Builds the app into .next-e2e (unless E2E_SKIP_BUILD=1 and that build exists), then runs `next start`
 * against a fresh database of its own. Refuses to run against anything but a local database.
 */
export default async function setup(project: TestProject) {
  if (!(process.env.E2E_SKIP_BUILD === "1" && existsSync(`${E2E_DIST_DIR}/BUILD_ID`))) {
    execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: E2E_DIST_DIR } });
  }
  const stores = await createTestStores("e2e");
  if (!/@(127\.0\.0\.1|localhost)[:/]/.test(stores.databaseUrl)) throw new Error("e2e tests only run against a local database");
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const mailDir = await mkdtemp(path.join(os.tmpdir(), "guichet-e2e-mail-"));
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), "guichet-e2e-uploads-"));
  const smtp = await startSmtpCapture({ dir: mailDir });
  const idp = await startOidcProvider({ redirectUri: `${baseUrl}/api/auth/callback/oidc` });
  // Mail in: the worker reads this Dovecot's inbox, on IMAP IDLE; ticket e-mails carry Reply-To: guichet+<token>@guichet.test.
  const mailInBox = { name: "guichet", password: "boite-e2e" };
  const dovecot = await startDovecot([mailInBox]);
  const environment = testEnvironment(stores, {
    APP_URL: baseUrl,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    UPLOAD_DIR: uploadDir,
    // The tests play the reverse proxy from the usual loopback address (their X-Forwarded-For is the
    // client's); sign-in-throttle.test.ts connects from 127.0.0.2 and up as clients facing the app directly.
    TRUSTED_PROXIES: E2E_TRUSTED_PROXIES,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    MAIL_IN_URL: dovecot.urlFor(mailInBox),
    MAIL_IN_IDLE: "true",
    MAIL_IN_POLL_SECONDS: "5",
    MAIL_IN_REPLY_ADDRESS: "guichet@guichet.test",
  });
  const app = await startApp(environment, port);
  const worker = startWorker(environment);
  project.provide("baseUrl", baseUrl);
  project.provide("mailDir", mailDir);
  project.provide("e2eDatabaseUrl", stores.databaseUrl);
  project.provide("oidcIssuer", idp.issuer);
  project.provide("e2eRedisPrefix", stores.redisPrefix);
  project.provide("mailInLmtpPort", dovecot.lmtpPort);
  return async () => {
    await Promise.all([stopApp(worker), stopApp(app)]);
    await Promise.all([smtp.close(), idp.close(), dovecot.stop()]);
    await stores.drop();
    await Promise.all([rm(mailDir, { recursive: true, force: true }), rm(uploadDir, { recursive: true, force: true })]);
  };
}
