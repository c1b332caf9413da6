import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { authenticateWithPassword } from "@/lib/services/authenticate";
import { redis, redisKey } from "@/lib/redis";

async function resetCounters() {
  const keys = await redis().keys(redisKey("signin-failures", "*"));
  if (keys.length) await redis().del(...keys);
}

afterEach(resetCounters);

describe("authenticateWithPassword", () => {
  test("accepts a demo account with the right password, whatever the e-mail's case", async () => {
    const result = await authenticateWithPassword({ email: " CSL.Choiseul@guichet.test ", password: DEMO_PASSWORD, ip: "198.51.100.1" });
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
    expect(await authenticateWithPassword({ email, password, ip: "198.51.100.2" })).toEqual({ outcome: "invalid" });
  });

  test("refuses a disabled account with the right password", async () => {
    await database().update(users).set({ disabledAt: new Date() }).where(eq(users.email, "sav.scc@guichet.test"));
    try {
      expect(await authenticateWithPassword({ email: "sav.scc@guichet.test", password: DEMO_PASSWORD, ip: "198.51.100.3" }))
        .toEqual({ outcome: "invalid" });
    } finally {
      await database().update(users).set({ disabledAt: null }).where(eq(users.email, "sav.scc@guichet.test"));
    }
  });
});

describe("sign-in rate limit", () => {
  test("ten failures on one account block it, even with the right password, for up to 15 minutes", async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Each from a different address: the account's own counter is what blocks.
      const result = await authenticateWithPassword({ email: "tech.est@guichet.test", password: "faux", ip: `203.0.113.${attempt}` });
      expect(result.outcome).toBe("invalid");
    }
    const blocked = await authenticateWithPassword({ email: "tech.est@guichet.test", password: DEMO_PASSWORD, ip: "203.0.113.50" });
    expect(blocked.outcome).toBe("throttled");
    if (blocked.outcome !== "throttled") return;
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
    // Another account from a fresh address is unaffected.
    expect((await authenticateWithPassword({ email: "tech.ouest@guichet.test", password: DEMO_PASSWORD, ip: "203.0.113.51" })).outcome).toBe("success");
  });

  test("ten failures from one address block every account from it", async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      await authenticateWithPassword({ email: `inconnu${attempt}@guichet.test`, password: "faux", ip: "192.0.2.77" });
    }
    const blocked = await authenticateWithPassword({ email: "dsi@guichet.test", password: DEMO_PASSWORD, ip: "192.0.2.77" });
    expect(blocked.outcome).toBe("throttled");
    expect((await authenticateWithPassword({ email: "dsi@guichet.test", password: DEMO_PASSWORD, ip: "192.0.2.78" })).outcome).toBe("success");
  });

  test("nine failures then a success clear the account's counter", async () => {
    for (let attempt = 1; attempt <= 9; attempt++) {
      await authenticateWithPassword({ email: "dane37@guichet.test", password: "faux", ip: `198.18.0.${attempt}` });
    }
    expect((await authenticateWithPassword({ email: "dane37@guichet.test", password: DEMO_PASSWORD, ip: "198.18.1.1" })).outcome).toBe("success");
    for (let attempt = 1; attempt <= 9; attempt++) {
      await authenticateWithPassword({ email: "dane37@guichet.test", password: "faux", ip: `198.18.2.${attempt}` });
    }
    expect((await authenticateWithPassword({ email: "dane37@guichet.test", password: DEMO_PASSWORD, ip: "198.18.3.1" })).outcome).toBe("success");
  });
});
