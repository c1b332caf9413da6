import { describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { requestFrom, tokenRequestFrom } from "../support/from-address";

const baseUrl = inject("baseUrl");

// The e2e app trusts 127.0.0.1 as its reverse proxy (global-setup.ts); 127.0.0.2 and up face it directly.
const PROXY = "127.0.0.1";

/** The browser sign-in's own endpoint, which answers 429 itself before next-auth runs. */
const credentialsFrom = (from: string, email: string, headers: Record<string, string> = {}) =>
  requestFrom(from, baseUrl, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password: "faux", json: "true" }).toString(),
  });

describe("sign-in throttling against the running app", () => {
  test("25 failures with a rotating X-Forwarded-For (and a forged peer header) are throttled after ten", { timeout: 60_000 }, async () => {
    const statuses: number[] = [];
    let lastRetryAfter: string | string[] | undefined;
    for (let attempt = 1; attempt <= 25; attempt++) {
      const forged = { "x-forwarded-for": `198.51.100.${attempt}`, "x-guichet-peer": `198.51.101.${attempt}` };
      const answer = await tokenRequestFrom("127.0.0.2", baseUrl, { email: "secu@guichet.test", password: "faux" }, forged);
      statuses.push(answer.status);
      lastRetryAfter = answer.headers["retry-after"];
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(15).fill(429)]);
    expect(Number(lastRetryAfter)).toBeGreaterThan(800);
    expect(Number(lastRetryAfter)).toBeLessThanOrEqual(900);
    // The right password from there is refused too, and so is the browser sign-in, whatever the header says.
    expect((await tokenRequestFrom("127.0.0.2", baseUrl, { email: "secu@guichet.test", password: DEMO_PASSWORD })).status).toBe(429);
    expect((await credentialsFrom("127.0.0.2", "secu@guichet.test", { "x-forwarded-for": "203.0.113.250" })).status).toBe(429);
    // What was locked is that account at that socket address: the account itself still signs in elsewhere.
    expect((await tokenRequestFrom("127.0.0.8", baseUrl, { email: "secu@guichet.test", password: DEMO_PASSWORD })).status).toBe(201);
  });

  test("failures from elsewhere never lock the owner out at their usual address", { timeout: 120_000 }, async () => {
    const owner = { email: "chef.service@guichet.test", password: DEMO_PASSWORD };
    expect((await tokenRequestFrom("127.0.0.3", baseUrl, owner)).status).toBe(201);

    // One attacker at one address: locked there after ten.
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await tokenRequestFrom("127.0.0.4", baseUrl, { ...owner, password: "faux" })).status).toBe(401);
    }
    expect((await tokenRequestFrom("127.0.0.4", baseUrl, owner)).status).toBe(429);
    expect((await tokenRequestFrom("127.0.0.3", baseUrl, owner)).status).toBe(201);

    // Attackers at ten more addresses (through the trusted proxy) reach the account's ceiling of 100 an hour:
    // new addresses are refused, even with the right password; the usual place still signs in.
    for (let address = 1; address <= 9; address++) {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const answer = await tokenRequestFrom(
          PROXY,
          baseUrl,
          { ...owner, password: "faux" },
          { "x-forwarded-for": `203.0.113.${address}` },
        );
        expect(answer.status).toBe(401);
      }
    }
    const newPlace = await tokenRequestFrom("127.0.0.5", baseUrl, owner);
    expect(newPlace.status).toBe(429);
    expect(Number(newPlace.headers["retry-after"])).toBeGreaterThan(3000);
    expect((await tokenRequestFrom(PROXY, baseUrl, owner, { "x-forwarded-for": "203.0.113.99" })).status).toBe(429);
    expect((await tokenRequestFrom("127.0.0.3", baseUrl, owner)).status).toBe(201);
  });

  test(
    "one address trying many accounts behind a rotating X-Forwarded-For is stopped for every account, other addresses are not",
    { timeout: 60_000 },
    async () => {
      for (let attempt = 1; attempt <= 30; attempt++) {
        const answer = await tokenRequestFrom(
          "127.0.0.6",
          baseUrl,
          { email: `inconnu${attempt}@guichet.test`, password: "faux" },
          { "x-forwarded-for": `198.51.102.${attempt}` },
        );
        expect(answer.status).toBe(401);
      }
      expect((await tokenRequestFrom("127.0.0.6", baseUrl, { email: "dsi@guichet.test", password: DEMO_PASSWORD })).status).toBe(429);
      expect((await tokenRequestFrom("127.0.0.7", baseUrl, { email: "dsi@guichet.test", password: DEMO_PASSWORD })).status).toBe(201);
    },
  );
});
