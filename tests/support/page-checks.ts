import { inject } from "vitest";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { NAMESPACES } from "@/i18n/messages";

/** The widths every visited page is checked at: the desktop of the issue and a small phone. */
export const CHECKED_VIEWPORTS = [
  { width: 1366, height: 900 },
  { width: 360, height: 740 },
] as const;
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** English words the French interface must never show (luxon or Intl without a locale, Next's bare error page). */
const ENGLISH = /Internal Server Error|\b(years?|months?|ago)\b/;

/** What the checks found on the pages of this test file; browserForFile fails the file unless it stays empty. PAGE_CHECKS_LOG=1 prints each page checked. */
export const pageProblems: string[] = [];
type Visit = { url: string; session: Promise<Session | undefined>; browser: Browser; clientIp: string };
const visits: Visit[] = [];
const seenRoutes = new Set<string>();

/** Routes already checked in this e2e run (one app, one port), by this file or an earlier one: a file of keys. */
const runLedger = (url: string) => path.join(os.tmpdir(), `guichet-page-checks-${new URL(url).port}.txt`);
const checkedInRun = (url: string) => (existsSync(runLedger(url)) ? readFileSync(runLedger(url), "utf8").split("\n") : []);

/**
 * One check per route: path segments holding a digit (ids, references, UAI) and query values do not
 * make a new page, so a journey that opens ten tickets checks the ticket page once.
 */
export function routeKey(url: string): string {
  const { pathname, searchParams } = new URL(url);
  const path = pathname
    .split("/")
    .map((segment) => (/\d/.test(segment) ? ":id" : segment))
    .join("/");
  return [path, ...[...new Set(searchParams.keys())].sort()].join(" ");
}

/**
 * Notes the routes a test's page reaches, with the session it had there. settlePageChecks (before the
 * file's browser closes) loads each route not yet checked in this run again, in a context of its own
 * holding that session, and checks it at both widths (axe on WCAG 2.1 AA, serious and critical
 * impacts; no message key; no English; no sideways scrolling). Checking after the tests keeps their timing as it was.
 */
export function checkPage(page: Page, clientIp: string): void {
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame() || !/^https?:/.test(frame.url())) return;
    const url = frame.url();
    // Only the run's own app: a file's second app (first-admin) or the test OpenID provider is gone by the checks.
    if (new URL(url).origin !== new URL(inject("baseUrl")).origin) return;
    const key = routeKey(url);
    const browser = page.context().browser();
    if (seenRoutes.has(key) || !browser) return;
    seenRoutes.add(key);
    visits.push({
      url,
      session: page
        .context()
        .storageState()
        .catch(() => undefined),
      browser,
      clientIp,
    });
  });
}

export async function settlePageChecks(): Promise<void> {
  for (const visit of visits.splice(0)) {
    const key = routeKey(visit.url);
    if (checkedInRun(visit.url).includes(key)) continue;
    try {
      await checkUrl(visit.browser, visit.url, await visit.session, visit.clientIp);
    } catch (error) {
      pageProblems.push(`${visit.url}: the check failed (${error instanceof Error ? error.message : String(error)})`);
    }
    appendFileSync(runLedger(visit.url), `${key}\n`);
  }
}

type Session = Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>>;

async function checkUrl(browser: Browser, url: string, session: Session | undefined, clientIp: string): Promise<void> {
  const context = await browser.newContext({
    storageState: session,
    locale: "fr-FR",
    viewport: CHECKED_VIEWPORTS[0],
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) return;
    for (const viewport of CHECKED_VIEWPORTS) {
      await page.setViewportSize(viewport);
      // Client components (charts, pickers) render after hydration and again on resize.
      await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      const where = `${viewport.width}px ${page.url()}`;
      if (process.env.PAGE_CHECKS_LOG === "1") console.info(`page checks: ${where}`);
      for (const problem of await pageTextProblems(page)) pageProblems.push(`${where}: ${problem}`);
      const overflow = await widerThanScreen(page);
      if (overflow) pageProblems.push(`${where}: ${overflow}`);
      for (const violation of await axeViolations(page)) pageProblems.push(`${where}: ${violation}`);
    }
  } finally {
    await context.close();
  }
}

/** Whether the page scrolls sideways (the brief: nothing wider than the screen), naming the first element past the edge. */
async function widerThanScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    if (excess <= 0) return null;
    const past = [...document.querySelectorAll("body *")].find((element) => element.getBoundingClientRect().right > window.innerWidth + 1);
    const name = past ? `${past.tagName.toLowerCase()}${past.className ? `.${String(past.className).split(" ").join(".")}` : ""}` : "?";
    return `wider than the screen by ${excess} px (first past the edge: ${name})`;
  });
}

/** Serious and critical axe violations under the WCAG 2.1 A and AA rules, each with a few of its elements. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await engine.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `axe ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join(" | ")}`,
      );
  }, WCAG_21_AA);
}

/** Visible lines that are a message key ("desk.replyLabel": a missing translation) or English. */
async function pageTextProblems(page: Page): Promise<string[]> {
  const lines = (await page.evaluate(() => document.body.innerText))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const namespaces = new Set<string>(NAMESPACES);
  return [
    ...lines
      .filter((line) => /^[a-z][a-zA-Z]*(\.[a-zA-Z0-9_]+)+$/.test(line) && namespaces.has(line.slice(0, line.indexOf("."))))
      .map((line) => `message key shown: « ${line} »`),
    ...lines.filter((line) => ENGLISH.test(line)).map((line) => `English shown: « ${line.slice(0, 80)} »`),
  ];
}
