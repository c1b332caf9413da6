import { expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { sessionCookie } from "../support/fetch-sign-in";

const baseUrl = inject("baseUrl");
const EVIL = "http://evil.test";

/** One inventory line for Lycée Choiseul, as a multipart form with the CSV as `file`. */
function importForm(name: string): FormData {
  const form = new FormData();
  form.append(
    "file",
    new Blob([`name;class;establishment_uai;status;criticality;room\r\n${name};pc;0370037P;production;basse;E14\r\n`], {
      type: "text/csv",
    }),
    "inventaire.csv",
  );
  return form;
}

/** The items named so, as the technician's session sees them (a GET, which no origin check concerns). */
async function itemsNamed(cookie: string, name: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/cis?q=${encodeURIComponent(name)}`, { headers: { cookie, origin: EVIL } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Array<{ name: string }> }).items.map((item) => item.name);
}

const importAs = (headers: Record<string, string>, name: string) =>
  fetch(`${baseUrl}/api/v1/cis/import?dryRun=false`, { method: "POST", headers, body: importForm(name) });

test("the session cookie is __Host-: Secure, the whole host (Path=/, no Domain), HttpOnly, SameSite=Lax", async () => {
  const { setCookie } = await sessionCookie(baseUrl, "tech.ouest@guichet.test", "10.8.0.1");
  const [nameValue, ...attributes] = setCookie.split(/;\s*/);
  expect(nameValue).toMatch(/^__Host-next-auth\.session-token=/);
  expect(attributes.map((attribute) => attribute.toLowerCase())).toEqual(
    expect.arrayContaining(["secure", "path=/", "httponly", "samesite=lax"]),
  );
  expect(attributes.some((attribute) => /^domain=/i.test(attribute))).toBe(false);
});

test("a technician's session cannot be used by another site to import inventory: 403, nothing created", async () => {
  const { cookie } = await sessionCookie(baseUrl, "tech.ouest@guichet.test", "10.8.0.2");
  const foreign: Array<Record<string, string>> = [
    { origin: EVIL },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
  ];
  for (const headers of foreign) {
    const response = await importAs({ cookie, ...headers }, "e2e-csrf-pc01");
    expect(response.status, JSON.stringify(headers)).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()) as { title: string; detail: string }).toMatchObject({
      title: "Accès refusé",
      detail: expect.stringContaining("autre site"),
    });
  }
  expect(await itemsNamed(cookie, "e2e-csrf-pc01")).toEqual([]);

  // Any other write with the session is refused the same way: filing a ticket, changing an item.
  const ticket = await fetch(`${baseUrl}/api/v1/tickets`, {
    method: "POST",
    headers: { cookie, origin: EVIL, "content-type": "application/json" },
    body: JSON.stringify({
      type: "incident",
      serviceCode: "RESEAU",
      categoryCode: "RES-WIFI",
      establishmentUai: "0370037P",
      title: "Forgé",
      description: "Par un autre site.",
      impact: "group",
      urgency: "low",
      fields: { area: "CDI" },
    }),
  });
  expect(ticket.status).toBe(403);
});

test("the same import from the app itself goes through, by Origin or by Sec-Fetch-Site", async () => {
  const { cookie } = await sessionCookie(baseUrl, "tech.ouest@guichet.test", "10.8.0.3");
  const own: Array<[Record<string, string>, string]> = [
    [{ origin: baseUrl }, "e2e-csrf-pc02"],
    [{ "sec-fetch-site": "same-origin" }, "e2e-csrf-pc03"],
  ];
  for (const [headers, name] of own) {
    const response = await importAs({ cookie, ...headers }, name);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { created: number }).created).toBe(1);
    expect(await itemsNamed(cookie, name)).toEqual([name]);
  }
});

test("a bearer token is not concerned: a script may send it from anywhere", async () => {
  const token = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.8.0.4", origin: EVIL },
    body: JSON.stringify({ email: "tech.ouest@guichet.test", password: DEMO_PASSWORD }),
  });
  expect(token.status).toBe(201);
  const authorization = `Bearer ${((await token.json()) as { token: string }).token}`;
  const response = await importAs({ authorization, origin: EVIL }, "e2e-csrf-pc04");
  expect(response.status).toBe(200);
  expect(((await response.json()) as { created: number }).created).toBe(1);
});

test("without a session, a cross-site write is simply unauthenticated", async () => {
  const response = await importAs({ origin: EVIL }, "e2e-csrf-pc05");
  expect(response.status).toBe(401);
});
