import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { authenticateWithPassword } from "@/lib/services/accounts/authenticate";
import { redis, redisKey } from "@/lib/redis";

async function resetCounters() {
  const keys = [...(await redis().keys(redisKey("signin-failures", "*"))), ...(await redis().keys(redisKey("signin-known", "*")))];
  if (keys.length) await redis().del(...keys);
}

afterEach(resetCounters);

/** A sign-in as server.mjs hands it over: from a socket address, with a request id. */
function attempt(email: string, password: string, ip: string, requestId = randomUUID()) {
  return authenticateWithPassword({ email, password, headers: { [PEER_ADDRESS_HEADER]: ip, "x-request-id": requestId } });
}

async function auditRowsOf(requestId: string) {
  return database()
    .select({
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      ip: auditEvents.ip,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(eq(auditEvents.requestId, requestId))
    .orderBy(asc(auditEvents.id));
}

const idOf = async (email: string) => (await database().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

describe("authenticateWithPassword", () => {
  test("accepts a demo account with the right password, whatever the e-mail's case", async () => {
    const result = await attempt(" CSL.Choiseul@guichet.test ", DEMO_PASSWORD, "198.51.100.1");
    expect(result.outcome).toBe("success");
    if (result.outcome !== "success") return;
    expect(result.user).toMatchObject({ email: "csl.choiseul@guichet.test", role: "requester" });
    const [row] = await database().select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, result.user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  test.each([
    ["a wrong password", "csl.choiseul@guichet.test", "mauvais-mot-de-passe"],
    ["an unknown account", "personne@guichet.test", DEMO_PASSWORD],
    ["an empty password", "csl.choiseul@guichet.test", ""],
  ])("answers the same 'invalid' for %s", async (_, email, password) => {
    expect(await attempt(email, password, "198.51.100.2")).toEqual({ outcome: "invalid" });
  });

  test("refuses a disabled account with the right password", async () => {
    await database().update(users).set({ disabledAt: new Date() }).where(eq(users.email, "sav.scc@guichet.test"));
    try {
      expect(await attempt("sav.scc@guichet.test", DEMO_PASSWORD, "198.51.100.3")).toEqual({ outcome: "invalid" });
    } finally {
      await database().update(users).set({ disabledAt: null }).where(eq(users.email, "sav.scc@guichet.test"));
    }
  });
});

describe("sign-in throttling", () => {
  test("ten failures on one account from one address block it there, even with the right password, for up to 15 minutes", async () => {
    for (let failure = 1; failure <= 10; failure++)
      expect((await attempt("tech.est@guichet.test", "faux", "203.0.113.1")).outcome).toBe("invalid");
    const blocked = await attempt("tech.est@guichet.test", DEMO_PASSWORD, "203.0.113.1");
    expect(blocked.outcome).toBe("throttled");
    if (blocked.outcome !== "throttled") return;
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
    // The owner elsewhere, and another account from that address, are unaffected.
    expect((await attempt("tech.est@guichet.test", DEMO_PASSWORD, "203.0.113.2")).outcome).toBe("success");
    expect((await attempt("tech.ouest@guichet.test", DEMO_PASSWORD, "203.0.113.1")).outcome).toBe("success");
  });

  test("a forged X-Forwarded-For changes nothing when no proxy is trusted", async () => {
    for (let failure = 1; failure <= 10; failure++) {
      const result = await authenticateWithPassword({
        email: "chef.ouest@guichet.test",
        password: "faux",
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.3", "x-forwarded-for": `10.9.9.${failure}` },
      });
      expect(result.outcome).toBe("invalid");
    }
    expect((await attempt("chef.ouest@guichet.test", DEMO_PASSWORD, "203.0.113.3")).outcome).toBe("throttled");
  });

  test("thirty failures from one address across accounts block every account from it, not from elsewhere", async () => {
    for (let failure = 1; failure <= 30; failure++) await attempt(`inconnu${failure}@guichet.test`, "faux", "192.0.2.77");
    expect((await attempt("dsi@guichet.test", DEMO_PASSWORD, "192.0.2.77")).outcome).toBe("throttled");
    expect((await attempt("dsi@guichet.test", DEMO_PASSWORD, "192.0.2.78")).outcome).toBe("success");
  });

  test("a hundred failures from elsewhere lock the account at new addresses, never at its usual place", async () => {
    expect((await attempt("chef.service@guichet.test", DEMO_PASSWORD, "198.18.9.9")).outcome).toBe("success");
    for (let address = 1; address <= 10; address++) {
      for (let failure = 1; failure <= 10; failure++) await attempt("chef.service@guichet.test", "faux", `198.18.0.${address}`);
    }
    const elsewhere = await attempt("chef.service@guichet.test", DEMO_PASSWORD, "198.18.5.5");
    expect(elsewhere.outcome).toBe("throttled");
    if (elsewhere.outcome === "throttled") expect(elsewhere.retryAfterSeconds).toBeGreaterThan(3000);
    expect((await attempt("chef.service@guichet.test", DEMO_PASSWORD, "198.18.9.9")).outcome).toBe("success");
  });

  test("nine failures then a success clear the account's counter at that address", async () => {
    for (let failure = 1; failure <= 9; failure++) await attempt("dane37@guichet.test", "faux", "198.19.0.1");
    expect((await attempt("dane37@guichet.test", DEMO_PASSWORD, "198.19.0.1")).outcome).toBe("success");
    for (let failure = 1; failure <= 9; failure++) await attempt("dane37@guichet.test", "faux", "198.19.0.1");
    expect((await attempt("dane37@guichet.test", DEMO_PASSWORD, "198.19.0.1")).outcome).toBe("success");
  });
});

describe("audit rows of a sign-in", () => {
  test("a success writes exactly one row, with who and from where", async () => {
    const requestId = randomUUID();
    await attempt("proviseur.choiseul@guichet.test", DEMO_PASSWORD, "198.51.100.20", requestId);
    expect(await auditRowsOf(requestId)).toEqual([
      {
        action: "sign_in.succeeded",
        actorId: await idOf("proviseur.choiseul@guichet.test"),
        actorLabel: "proviseur.choiseul@guichet.test",
        ip: "198.51.100.20",
        objectType: "user",
        objectId: await idOf("proviseur.choiseul@guichet.test"),
        after: null,
      },
    ]);
  });

  test("a failure writes exactly one row; an unknown e-mail is kept as typed, with no account", async () => {
    const wrong = randomUUID();
    await attempt("proviseur.choiseul@guichet.test", "faux", "198.51.100.21", wrong);
    expect(await auditRowsOf(wrong)).toMatchObject([
      { action: "sign_in.failed", actorId: await idOf("proviseur.choiseul@guichet.test"), ip: "198.51.100.21" },
    ]);
    const unknown = randomUUID();
    await attempt("Personne@Guichet.test", "faux", "198.51.100.21", unknown);
    expect(await auditRowsOf(unknown)).toEqual([
      {
        action: "sign_in.failed",
        actorId: null,
        actorLabel: "personne@guichet.test",
        ip: "198.51.100.21",
        objectType: "user",
        objectId: null,
        after: null,
      },
    ]);
  });

  test("the failure that trips the throttle adds one lockout row; a refused attempt writes none", async () => {
    for (let failure = 1; failure <= 9; failure++) await attempt("secu@guichet.test", "faux", "198.51.100.22");
    const tripping = randomUUID();
    await attempt("secu@guichet.test", "faux", "198.51.100.22", tripping);
    expect((await auditRowsOf(tripping)).map((row) => [row.action, row.after])).toEqual([
      ["sign_in.failed", null],
      ["sign_in.locked", { counters: ["accountAddress"] }],
    ]);
    const refused = randomUUID();
    expect((await attempt("secu@guichet.test", DEMO_PASSWORD, "198.51.100.22", refused)).outcome).toBe("throttled");
    expect(await auditRowsOf(refused)).toEqual([]);
  });
});
