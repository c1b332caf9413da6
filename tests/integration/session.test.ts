import { eq } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { callerFor } from "../support/callers";

async function account(email: string) {
  const [row] = await database()
    .select({ id: users.id, email: users.email, name: users.name, tokenVersion: users.tokenVersion })
    .from(users)
    .where(eq(users.email, email));
  return row!;
}

/** What next-auth does at sign-in, then on every later request: run the jwt callback. */
async function signIn(email: string): Promise<JWT> {
  const user = await account(email);
  const jwt = authOptions().callbacks!.jwt!;
  return jwt({
    token: { sub: user.id, email: user.email },
    user: { id: user.id, email: user.email, tokenVersion: user.tokenVersion } as never,
    account: null,
  });
}

function nextRequest(token: JWT) {
  return authOptions().callbacks!.jwt!({ token, user: undefined as never, account: null });
}

describe("sessions", () => {
  test("a fresh session is accepted on the next request", async () => {
    const token = await signIn("csl.palissy@guichet.test");
    await expect(nextRequest(token)).resolves.toMatchObject({ sub: token.sub });
  });

  test("signing out revokes the session on the next request (and every other session of the account)", async () => {
    const first = await signIn("proviseur.choiseul@guichet.test");
    const second = await signIn("proviseur.choiseul@guichet.test");
    await authOptions().events!.signOut!({ token: first, session: undefined as never });
    await expect(nextRequest(first)).rejects.toThrow("Session revoked");
    await expect(nextRequest(second)).rejects.toThrow("Session revoked");
    // Signing in again works.
    await expect(nextRequest(await signIn("proviseur.choiseul@guichet.test"))).resolves.toBeTruthy();
  });

  test("a session older than 12 hours is refused", async () => {
    const token = await signIn("chef.service@guichet.test");
    const stale = { ...token, signedInAt: Math.floor(Date.now() / 1000) - 12 * 3600 - 1 };
    await expect(nextRequest(stale)).rejects.toThrow("Session revoked");
  });

  test("disabling an account ends its open session at once", async () => {
    const admin = await callerFor("admin@guichet.test");
    const target = await account("sav.scc@guichet.test");
    const token = await signIn("sav.scc@guichet.test");
    expect(await updateAccount(admin, target.id, { disabled: true }, new Date(), auditActor({}, admin))).toMatchObject({ ok: true });
    await expect(nextRequest(token)).rejects.toThrow("Session revoked");
    expect(await loadCaller(target.id)).toBeNull();
    expect(await updateAccount(admin, target.id, { disabled: false }, new Date(), auditActor({}, admin))).toMatchObject({ ok: true });
    await expect(nextRequest(await signIn("sav.scc@guichet.test"))).resolves.toBeTruthy();
  });

  test("only an admin may disable an account, and never their own", async () => {
    const admin = await callerFor("admin@guichet.test");
    const technician = await callerFor("tech.ouest@guichet.test");
    expect(await updateAccount(technician, admin.id, { disabled: true }, new Date(), auditActor({}, technician))).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await updateAccount(admin, admin.id, { disabled: true }, new Date(), auditActor({}, admin))).toEqual({
      ok: false,
      failure: { kind: "unprocessable", message: "users.errors.cannotChangeSelf" },
    });
    expect(
      await updateAccount(admin, "00000000-0000-4000-8000-000000000000", { disabled: true }, new Date(), auditActor({}, admin)),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
  });
});
