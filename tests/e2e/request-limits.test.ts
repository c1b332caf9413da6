import http from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { browserForFile, signedInPage } from "../support/browser";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const MEGABYTE = 1024 * 1024;

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };
type RawBody = {
  /** Bytes actually sent; with `declaredLength` above it, the request stays open (a slow or stalled upload). */
  send: Buffer;
  /** Content-Length to announce; without it the body goes chunked (Transfer-Encoding: chunked). */
  declaredLength?: number;
};

/**
 * A POST over a raw socket, to send what fetch cannot: a chunked body without Content-Length, or a declared
 * length the client never finishes. Resolves with the first answer (the upload stops there), rejects after 10 s.
 */
function rawPost(pathAndQuery: string, headers: Record<string, string>, body: RawBody): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    // A connection of its own: one whose upload was cut short by an early answer must never carry another request.
    const request = http.request(
      `${baseUrl}${pathAndQuery}`,
      {
        agent: false,
        method: "POST",
        headers: {
          ...headers,
          ...(body.declaredLength === undefined ? { "transfer-encoding": "chunked" } : { "content-length": String(body.declaredLength) }),
        },
      },
      (response) => {
        answered = true;
        const ms = performance.now() - started;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, ms });
        });
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error("no answer within 10 s")));
    // Once answered, the server may close the connection under the rest of the upload: that is not a failure.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunkSize = 64 * 1024;
    let offset = 0;
    const pump = () => {
      while (!answered && offset < body.send.length) {
        const chunk = body.send.subarray(offset, offset + chunkSize);
        offset += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      const complete = body.declaredLength === undefined || body.declaredLength === body.send.length;
      if (!answered && complete) request.end();
    };
    pump();
  });
}

/** JSON of about `bytes` bytes that is otherwise a valid sign-in or ticket: only its size is wrong. */
function paddedJson(fields: Record<string, unknown>, bytes: number): Buffer {
  return Buffer.from(JSON.stringify({ ...fields, padding: "x".repeat(bytes) }));
}

/** A multipart body with one CSV file of about `bytes` bytes, as an import sends it. */
function multipartCsv(bytes: number): { body: Buffer; contentType: string } {
  const boundary = "----guichet-e2e-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="inventaire.csv"\r\nContent-Type: text/csv\r\n\r\nname;class;establishment_uai\r\n`;
  const rows = "e2e-pc;pc;0370037P\r\n".repeat(Math.ceil(bytes / 20));
  return { body: Buffer.from(`${head}${rows}\r\n--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

let address = 0;
async function token(email: string): Promise<string> {
  address++;
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.90.0.${address}` },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

type Problem = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

function expectProblem(answer: Answer, status: number): Problem {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  const problem = JSON.parse(answer.text) as Problem;
  expect(problem.status).toBe(status);
  return problem;
}

let technician = "";
let requester = "";
beforeAll(async () => {
  technician = await token("tech.ouest@guichet.test");
  requester = await token("csl.choiseul@guichet.test");
});

describe("request bodies over their route's limit are refused with 413, before they are read whole", () => {
  const signIn = { email: "admin@guichet.test", password: "not-the-password" };
  const ticket = {
    type: "incident",
    serviceCode: "RESEAU",
    categoryCode: "RES-WIFI",
    establishmentUai: "0370037P",
    title: "WiFi du CDI instable",
    description: "Coupures.",
    impact: "group",
    urgency: "medium",
    fields: { area: "CDI" },
  };

  test.each<{
    route: string;
    path: string;
    type: string;
    auth: () => string;
    over: () => Buffer;
    within?: () => Buffer;
    withinStatus?: number;
  }>([
    {
      route: "POST /api/v1/tokens (anonymous: 16 KB)",
      path: "/api/v1/tokens",
      type: "application/json",
      auth: () => "",
      over: () => paddedJson(signIn, 64 * 1024),
      within: () => paddedJson(signIn, 8 * 1024),
      withinStatus: 401,
    },
    {
      route: "POST /api/v1/tickets (JSON: 1 MB)",
      path: "/api/v1/tickets",
      type: "application/json",
      auth: () => requester,
      over: () => paddedJson(ticket, 2 * MEGABYTE),
      within: () => Buffer.from(JSON.stringify({ ...ticket, description: "x".repeat(4000) })),
      withinStatus: 201,
    },
    {
      route: "POST /api/v1/cis/import (a CSV of 10 MB at most)",
      path: "/api/v1/cis/import?dryRun=true",
      type: multipartCsv(0).contentType,
      auth: () => technician,
      over: () => multipartCsv(12 * MEGABYTE).body,
      within: () => multipartCsv(2 * 1024).body,
      withinStatus: 200,
    },
    // next-auth's sign-in form (anonymous too); the browser sign-ins of the other tests show an ordinary one still works.
    {
      route: "POST /api/auth/callback/credentials (16 KB)",
      path: "/api/auth/callback/credentials",
      type: "application/x-www-form-urlencoded",
      auth: () => "",
      over: () => Buffer.from(`email=admin%40guichet.test&password=x&padding=${"x".repeat(64 * 1024)}`),
    },
  ])("$route", async ({ path: route, type, auth, over, within, withinStatus }) => {
    const bytes = over();
    const headers: Record<string, string> = {
      "content-type": type,
      "x-forwarded-for": "10.90.1.1",
      ...(auth() ? { authorization: `Bearer ${auth()}` } : {}),
    };

    // Announced by Content-Length: refused from the header, the body unread.
    const declared = await rawPost(route, headers, { send: bytes, declaredLength: bytes.length });
    const problem = expectProblem(declared, 413);
    expect(problem.title).toBe("Requête trop volumineuse");

    // Chunked, without Content-Length: counted while read, refused once over the limit.
    const streamed = await rawPost(route, headers, { send: bytes });
    expect(expectProblem(streamed, 413).detail).toBe(problem.detail);

    // The same through fetch (Content-Length), as an ordinary client sees it.
    const response = await fetch(`${baseUrl}${route}`, { method: "POST", headers, body: new Uint8Array(bytes) });
    expect(response.status).toBe(413);

    // Within the limit, chunked or not, the route reads the body as before.
    if (!within) return;
    const small = within();
    expect((await rawPost(route, headers, { send: small })).status).toBe(withinStatus);
    expect((await rawPost(route, headers, { send: small, declaredLength: small.length })).status).toBe(withinStatus);
  });

  test("a sign-in body of 100 MB announced is refused at once, long before it could arrive", async () => {
    // Only 64 KB of the announced 100 MB are ever sent: the answer cannot wait for the rest.
    const huge = await rawPost(
      "/api/v1/tokens",
      { "content-type": "application/json", "x-forwarded-for": "10.90.1.3" },
      { send: paddedJson(signIn, 64 * 1024), declaredLength: 100 * MEGABYTE },
    );
    expectProblem(huge, 413);
    expect(huge.ms).toBeLessThan(3000);
  });
});

describe("the caller is known before any body is read", () => {
  // The client announces a body it never sends: an answer can only come from a server that did not wait for it.
  test.each([
    { route: "POST /api/v1/tickets", path: "/api/v1/tickets", type: "application/json", declared: 200 * 1024 },
    {
      route: "POST /api/v1/cis/import",
      path: "/api/v1/cis/import?dryRun=false",
      type: multipartCsv(0).contentType,
      declared: 5 * MEGABYTE,
    },
    {
      route: "PATCH-like POST /api/v1/tickets/{reference}/comments",
      path: "/api/v1/tickets/GU-2026-000001/comments",
      type: "application/json",
      declared: 200 * 1024,
    },
  ])("$route without credentials answers 401 at once", async ({ path: route, type, declared }) => {
    const answer = await rawPost(route, { "content-type": type }, { send: Buffer.from("{"), declaredLength: declared });
    expect(expectProblem(answer, 401).title).toBe("Authentification requise");
    expect(answer.ms).toBeLessThan(3000);
  });
});

describe("control characters in a query string", () => {
  test.each([
    { path: "/api/v1/tickets", parameter: "q" },
    { path: "/api/v1/tickets", parameter: "service" },
    { path: "/api/v1/tickets", parameter: "establishment" },
    { path: "/api/v1/cis", parameter: "q" },
    { path: "/api/v1/cis", parameter: "zone" },
    { path: "/api/v1/cis", parameter: "establishment" },
    { path: "/api/v1/cis", parameter: "building" },
    { path: "/api/v1/cis", parameter: "room" },
    { path: "/api/v1/cis/export", parameter: "building" },
    { path: "/api/v1/establishments", parameter: "q" },
    { path: "/api/v1/queues/PROX-OUEST", parameter: "zone" },
    { path: "/api/v1/queues/PROX-OUEST", parameter: "service" },
  ])("a NUL in $parameter of GET $path answers 400 naming it", async ({ path: route, parameter }) => {
    const response = await fetch(`${baseUrl}${route}?${parameter}=abc%00def`, { headers: { authorization: `Bearer ${technician}` } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([{ field: parameter, message: expect.stringContaining("caractère de contrôle") }]);
  });

  test("other control characters are refused too, and ordinary text is not", async () => {
    for (const character of ["%01", "%1F", "%7F", "%C2%85"]) {
      const response = await fetch(`${baseUrl}/api/v1/cis?room=A${character}1`, { headers: { authorization: `Bearer ${technician}` } });
      expect(response.status, character).toBe(400);
    }
    const accented = await fetch(
      `${baseUrl}/api/v1/cis?room=${encodeURIComponent("E12 Électronique")}&q=${encodeURIComponent("poste « 5 »")}`,
      { headers: { authorization: `Bearer ${technician}` } },
    );
    expect(accented.status).toBe(200);
  });

  test("a page answers a French 400 page, signed in or not", async () => {
    const anonymous = await fetch(`${baseUrl}/inventaire?building=%00`, { redirect: "manual" });
    expect(anonymous.status).toBe(400);
    expect(anonymous.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await anonymous.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("« building »");

    const page = await signedInPage(browser(), baseUrl, "10.90.2.1", "tech.ouest@guichet.test");
    for (const query of ["q=%00", "zone=OUEST%00", "establishment=%00", "room=%00", "service=%00"]) {
      const path = query.startsWith("service") ? "/demandes" : "/inventaire";
      const response = await page.goto(`${path}?${query}`);
      expect(response?.status(), query).toBe(400);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Adresse invalide");
    }
    // The same pages without the control character are fine.
    expect((await page.goto("/inventaire?q=pc&room=A007"))?.status()).toBe(200);
    await page.context().close();
  });
});

describe("attachments within the policy (5 files of 10 MB at most) go through the filing form", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "guichet-e2e-large-files-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test("a requester files a ticket with 5 PDFs of 9 MB each; all 5 are stored whole", async () => {
    const size = 9 * MEGABYTE;
    const files: string[] = [];
    for (let index = 1; index <= 5; index++) {
      const bytes = Buffer.alloc(size, 0x20);
      bytes.write(`%PDF-1.4\n% relevé ${index}\n`, 0, "latin1");
      bytes.write("\n%%EOF\n", size - 7, "latin1");
      const file = path.join(folder, `releve-${index}.pdf`);
      await writeFile(file, bytes);
      files.push(file);
    }

    const page = await signedInPage(browser(), baseUrl, "10.90.3.1", "csl.choiseul@guichet.test");
    await page.goto("/signaler/POSTE-PANNE");
    await page.getByLabel("Titre").fill("Cinq relevés du poste 7");
    await page.getByLabel("Description").fill("Les relevés de diagnostic sont joints.");
    await page.getByLabel("Une salle ou un service").check();
    await page.getByLabel("Un cours ou un examen est bloqué").check();
    await page.getByLabel("Pièces jointes").setInputFiles(files);
    await page.getByRole("button", { name: "Envoyer" }).click();

    await page.waitForURL(/\/demandes\/GU-\d{4}-\d{6}\?cree=1$/, { timeout: 60_000 });
    for (let index = 1; index <= 5; index++) {
      const link = page.getByRole("link", { name: new RegExp(`^releve-${index}\\.pdf`) });
      expect(await link.count()).toBe(1);
      const download = await page.request.get((await link.getAttribute("href"))!);
      expect(download.status()).toBe(200);
      expect((await download.body()).length).toBe(size);
    }
    await page.context().close();
  }, 120_000);
});
