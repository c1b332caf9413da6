import { expect, inject, test } from "vitest";
import { browserForFile, newClient, signIn } from "../support/browser";
import { bearerFor } from "../support/fetch-sign-in";
import { sampleFiles } from "../support/sample-files";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const bearer = (email: string, ip: string) => bearerFor(baseUrl, email, ip);

/** The headers every answer carries (the e2e app is a production build: HSTS included). */
const COMMON = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

function expectCommonHeaders(headers: Headers) {
  expect(Object.fromEntries(headers)).toMatchObject(COMMON);
  const permissions = headers.get("permissions-policy") ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions).toContain(`${feature}=()`);
}

/** The CSP's directives by name. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

test("a page carries a nonce-based CSP that signs every script Next writes, no eval, and cannot be framed", async () => {
  const [first, second] = await Promise.all([fetch(`${baseUrl}/connexion`), fetch(`${baseUrl}/connexion`)]);
  expect(first.status).toBe(200);
  expectCommonHeaders(first.headers);
  const csp = directives(first.headers.get("content-security-policy") ?? "");
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(csp.get("script-src")?.find((value) => value.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce).toBeDefined();
  expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  expect(csp.get("script-src")).not.toContain("'unsafe-inline'");

  // Every script tag of the page is signed with this answer's nonce; the next answer has another.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  expect(second.headers.get("content-security-policy")).not.toContain(nonce);
});

test("an API answer carries the common headers, and no page CSP", async () => {
  const response = await fetch(`${baseUrl}/api/v1/me`);
  expect(response.status).toBe(401);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expectCommonHeaders(response.headers);
  expect(response.headers.get("content-security-policy")).toBeNull();
});

test("the pages hydrate under the CSP: sign-in, a reply with a file, and the file downloads sandboxed", async () => {
  const created = await fetch(`${baseUrl}/api/v1/tickets`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: await bearer("csl.choiseul@guichet.test", "10.9.0.9") },
    body: JSON.stringify({
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-WIFI",
      establishmentUai: "0370037P",
      title: "WiFi de la salle B12 coupé",
      description: "Plus de réseau depuis la pause.",
      impact: "group",
      urgency: "medium",
      fields: { area: "B12" },
    }),
  });
  expect(created.status).toBe(201);
  const { reference } = (await created.json()) as { reference: string };

  const context = await newClient(browser(), baseUrl, "10.9.0.1");
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Errors and warnings, a refused header (an unknown Permissions-Policy feature) included; the app has no favicon.
  page.on("console", (message) => {
    const url = message.location().url;
    if ((message.type() === "error" || message.type() === "warning") && !url.endsWith("/favicon.ico"))
      pageErrors.push(`${url}: ${message.text()}`);
  });
  // The sign-in form is a client component: it only signs in once hydrated.
  await signIn(page, "csl.choiseul@guichet.test");
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`/demandes/${reference}`);
  await page.getByLabel("Votre message").fill("Voici la capture de l'erreur.");
  await page
    .getByLabel("Pièces jointes")
    .setInputFiles({ name: "erreur wifi.png", mimeType: "image/png", buffer: Buffer.from(sampleFiles.png()) });
  await page.getByRole("button", { name: "Envoyer" }).click();
  const link = page.getByRole("link", { name: /erreur wifi\.png/ });
  await expect.poll(() => link.count()).toBe(1);
  expect(pageErrors).toEqual([]);

  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
  for (const query of ["", "?inline=1"]) {
    const download = await context.request.get(`${href}${query}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("image/png");
    expect(download.headers()["content-security-policy"]).toBe("sandbox");
    expectCommonHeaders(new Headers(download.headers()));
  }
  await context.close();
});

test.each([
  { path: "/api/v1/cis/export?establishment=0370037P", email: "tech.ouest@guichet.test", ip: "10.9.0.8" },
  { path: "/tableaux-de-bord/csv/open-status?establishment=0370037P", email: "proviseur.choiseul@guichet.test", ip: "10.9.0.7" },
])("the CSV of $path is a sandboxed download too", async ({ path, email, ip }) => {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: await bearer(email, ip) } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-security-policy")).toContain("sandbox");
  expectCommonHeaders(response.headers);
  await response.text();
});
