import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { checkPage, pageProblems, settlePageChecks } from "./page-checks";

/** Debian's Chromium, headless; Playwright downloads no browser here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
}

/** What the browser refused under a page's Content-Security-Policy, as its console reported it (see newClient). */
const cspViolations: string[] = [];

/** One Chromium per test file: launched before its tests, closed after them; the file fails if any page broke the CSP. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await settlePageChecks();
    await browser?.close();
    expect(cspViolations).toEqual([]);
    expect(pageProblems).toEqual([]);
  });
  return () => browser!;
}

/**
 * A browser context seen from its own client address (X-Forwarded-For, believed because the e2e app
 * trusts the loopback proxy), so the per-address sign-in limits of one test never block another.
 * Every page it loads is checked (page-checks.ts: axe, message keys, English words) and the file fails on a problem.
 */
export async function newClient(
  browser: Browser,
  baseUrl: string,
  ip: string,
  viewport = { width: 1280, height: 800 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "fr-FR", viewport, extraHTTPHeaders: { "x-forwarded-for": ip } });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  context.on("page", (page) => checkPage(page, ip));
  return context;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

/** A page of its own client address, signed in as `email` and landed on the home page. */
export async function signedInPage(browser: Browser, baseUrl: string, ip: string, email: string): Promise<Page> {
  const context = await newClient(browser, baseUrl, ip);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/** A link of the main menu (the home page repeats some of them as shortcuts, so a page-wide lookup is ambiguous). */
export function menuLink(page: Page, name: string): Locator {
  return page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name, exact: true });
}
