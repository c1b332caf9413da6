import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { freePort, startApp, stopApp } from "../support/app-server";
import { createTestStores, testEnvironment } from "../support/test-database";

const E2E_DIST_DIR = ".next-e2e";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
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
  const app = await startApp(testEnvironment(stores, { APP_URL: baseUrl, NEXT_DIST_DIR: E2E_DIST_DIR }), port);
  project.provide("baseUrl", baseUrl);
  return async () => {
    stopApp(app);
    await stores.drop();
  };
}
