import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listEstablishments } from "@/app/api/v1/establishments/route";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { redis, redisKey } from "@/lib/redis";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { callerFor } from "../support/callers";

const BASE = "http://localhost:3000/api/v1";
const noContext = {} as never;

function post(body: unknown, ip = "198.51.100.10") {
  return createToken(
    new Request(`${BASE}/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    noContext,
  );
}

async function tokenFor(email: string) {
  const response = await post({ email, password: DEMO_PASSWORD });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

const get = (handler: typeof me, path: string, token?: string) =>
  handler(new Request(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), noContext);

afterEach(async () => {
  const keys = await redis().keys(redisKey("signin-failures", "*"));
  if (keys.length) await redis().del(...keys);
});

describe("POST /api/v1/tokens", () => {
  test("201 with a token valid for 8 hours", async () => {
    const before = Date.now();
    const response = await post({ email: "tech.ouest@guichet.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(body.token).toMatch(/^gui_[A-Za-z0-9_-]{40,}$/);
    const lifetime = Date.parse(body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(8 * 3600_000 - 5_000);
    expect(lifetime).toBeLessThanOrEqual(8 * 3600_000 + 5_000);
  });

  test("401 problem+json on wrong credentials, without saying which", async () => {
    for (const body of [
      { email: "tech.ouest@guichet.test", password: "faux" },
      { email: "nobody@guichet.test", password: DEMO_PASSWORD },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({
        status: 401,
        title: "Identifiants incorrects",
        detail: "Adresse e-mail ou mot de passe incorrect.",
      });
    }
  });

  test.each([
    ["not JSON", "{oops", ["(body)"]],
    ["missing fields", {}, ["email", "password"]],
    ["a malformed e-mail", { email: "pas-une-adresse", password: "x" }, ["email"]],
  ])("400 problem+json naming the bad fields for %s", async (_, body, fields) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(fields);
  });

  test("429 with Retry-After after ten failures from one address, like the browser sign-in", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await post({ email: "secu@guichet.test", password: "faux" }, "203.0.113.9")).status).toBe(401);
    }
    const response = await post({ email: "secu@guichet.test", password: DEMO_PASSWORD }, "203.0.113.9");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/Réessayez dans \d+ minute/);
  });
});

describe("bearer tokens on /api/v1", () => {
  test("GET /me answers for the token's owner", async () => {
    const response = await get(me, "/me", await tokenFor("csl.choiseul@guichet.test"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      email: "csl.choiseul@guichet.test",
      role: "requester",
      navigation: [
        "home",
        "file",
        "myTickets",
        "catalogue",
        "serviceStatus",
        "help",
        "whoDoesWhat",
        "myEstablishments",
        "inventory",
        "account",
      ],
    });
  });

  test.each([
    ["no credentials", undefined],
    ["an unknown token", "gui_inconnu"],
    ["a token of another shape", "abc"],
  ])("401 with %s", async (_, token) => {
    const response = await get(me, "/me", token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });

  test("an expired token is refused", async () => {
    const token = await tokenFor("chef.ouest@guichet.test");
    const { apiTokens } = await import("@/db/schema");
    const [user] = await database().select({ id: users.id }).from(users).where(eq(users.email, "chef.ouest@guichet.test"));
    await database()
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.userId, user!.id));
    expect((await get(me, "/me", token)).status).toBe(401);
  });

  test("disabling the account kills its tokens", async () => {
    const token = await tokenFor("dane37@guichet.test");
    const [target] = await database().select({ id: users.id }).from(users).where(eq(users.email, "dane37@guichet.test"));
    const adminCaller = await callerFor("admin@guichet.test");
    await updateAccount(adminCaller, target!.id, { disabled: true }, new Date(), auditActor({}, adminCaller));
    try {
      expect((await get(me, "/me", token)).status).toBe(401);
    } finally {
      await updateAccount(adminCaller, target!.id, { disabled: false }, new Date(), auditActor({}, adminCaller));
    }
  });
});

describe("GET /api/v1/establishments", () => {
  type Page = { items: { uai: string; name: string; zone: { code: string } }[]; nextCursor: string | null };

  test("a requester sees only their own school", async () => {
    const response = await get(listEstablishments, "/establishments", await tokenFor("csl.palissy@guichet.test"));
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.items.map((item) => item.uai)).toEqual(["0450029M"]);
    expect(page.nextCursor).toBeNull();
  });

  test("a technician walks all 20 schools by keyset pages, in name order, without repeats", async () => {
    const token = await tokenFor("tech.est@guichet.test");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(listEstablishments, `/establishments?limit=7${cursor ? `&cursor=${cursor}` : ""}`, token);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test("filters by zone and text", async () => {
    const token = await tokenFor("tech.est@guichet.test");
    const byZone = (await (await get(listEstablishments, "/establishments?zone=est", token)).json()) as Page;
    expect(byZone.items.map((item) => item.uai).sort()).toEqual(["0450029M", "0450051L", "0450782F"]);
    const byText = (await (await get(listEstablishments, "/establishments?q=vend%C3%B4me", token)).json()) as Page;
    expect(byText.items.map((item) => item.uai).sort()).toEqual(["0410030K", "0410031L"]);
  });

  test("a vendor agent is refused with 403", async () => {
    expect((await get(listEstablishments, "/establishments", await tokenFor("sav.scc@guichet.test"))).status).toBe(403);
  });

  test.each([
    ["a tampered cursor", "cursor=abc", "cursor"],
    ["a limit out of range", "limit=1000", "limit"],
  ])("400 on %s", async (_, query, field) => {
    const response = await get(listEstablishments, `/establishments?${query}`, await tokenFor("tech.est@guichet.test"));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(field);
  });
});
