import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { DELETE as revokeToken, POST as createToken } from "@/app/api/v1/tokens/route";
import { database } from "@/db/client";
import { apiTokens, auditEvents, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { authOptions } from "@/lib/auth/options";
import { listOwnApiTokens, revokeOwnApiToken } from "@/lib/services/accounts/api-tokens";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { callerFor } from "../support/callers";

const BASE = "http://localhost:3000/api/v1";
const noContext = {} as never;
let address = 0;

async function auditRowsOf(requestId: string) {
  return database()
    .select({
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
    })
    .from(auditEvents)
    .where(eq(auditEvents.requestId, requestId))
    .orderBy(asc(auditEvents.id));
}

const revokedRowsFor = (tokenIds: string[]) =>
  database()
    .select({ objectId: auditEvents.objectId })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "token.revoked"), inArray(auditEvents.objectId, tokenIds)));

const userId = async (email: string) => (await database().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** POST /tokens; returns the token and its id (from the one token.issued row of the request). */
async function issue(email: string): Promise<{ token: string; id: string; requestId: string }> {
  const requestId = randomUUID();
  const response = await createToken(
    new Request(`${BASE}/tokens`, {
      method: "POST",
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: `100.65.0.${++address}`, "x-request-id": requestId },
    }),
    noContext,
  );
  expect(response.status).toBe(201);
  const issued = (await auditRowsOf(requestId)).filter((row) => row.action === "token.issued");
  expect(issued).toHaveLength(1);
  return { token: ((await response.json()) as { token: string }).token, id: issued[0]!.objectId!, requestId };
}

const call = (handler: typeof me, method: string, token?: string, requestId = randomUUID()) =>
  handler(
    new Request(`${BASE}/tokens`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "x-request-id": requestId },
    }),
    noContext,
  );

describe("API tokens", () => {
  test("issue writes one sign-in row and one token row, in the owner's name", async () => {
    const { id, requestId } = await issue("csl.palissy@guichet.test");
    const owner = await userId("csl.palissy@guichet.test");
    expect(await auditRowsOf(requestId)).toEqual([
      { action: "sign_in.succeeded", actorId: owner, objectType: "user", objectId: owner },
      { action: "token.issued", actorId: owner, objectType: "api_token", objectId: id },
    ]);
  });

  test("use records the last use; DELETE revokes the presented token (204, one audit row), refused with 401 after", async () => {
    const { token, id } = await issue("tech.ouest@guichet.test");
    expect((await call(me, "GET", token)).status).toBe(200);
    const [used] = await database().select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);

    const requestId = randomUUID();
    const revoked = await call(revokeToken, "DELETE", token, requestId);
    expect(revoked.status).toBe(204);
    expect(await auditRowsOf(requestId)).toEqual([
      { action: "token.revoked", actorId: await userId("tech.ouest@guichet.test"), objectType: "api_token", objectId: id },
    ]);
    expect((await call(me, "GET", token)).status).toBe(401);
    expect((await call(revokeToken, "DELETE", token)).status).toBe(401);
  });

  test("DELETE without a live bearer token is 401 problem+json and revokes nothing", async () => {
    const { token, id } = await issue("chef.ouest@guichet.test");
    for (const presented of [undefined, "gui_inconnu", token.slice(0, -1)]) {
      const response = await call(revokeToken, "DELETE", presented);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await call(me, "GET", token)).status).toBe(200);
    expect(await revokedRowsFor([id])).toEqual([]);
  });

  test("Mon compte lists and revokes only the caller's own tokens", async () => {
    const mine = await issue("proviseur.choiseul@guichet.test");
    const theirs = await issue("csl.choiseul@guichet.test");
    const caller = await callerFor("proviseur.choiseul@guichet.test");
    const actor = auditActor({}, caller);

    expect((await listOwnApiTokens(caller, new Date())).map((token) => token.id)).toContain(mine.id);
    expect((await listOwnApiTokens(caller, new Date())).map((token) => token.id)).not.toContain(theirs.id);

    expect(await revokeOwnApiToken(caller, theirs.id, actor)).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect((await call(me, "GET", theirs.token)).status).toBe(200);
    expect(await revokedRowsFor([theirs.id])).toEqual([]);

    expect(await revokeOwnApiToken(caller, mine.id, actor)).toEqual({ ok: true, value: null });
    expect((await call(me, "GET", mine.token)).status).toBe(401);
    expect(await revokedRowsFor([mine.id])).toEqual([{ objectId: mine.id }]);
    expect((await listOwnApiTokens(caller, new Date())).map((token) => token.id)).not.toContain(mine.id);
  });

  test("signing out (everywhere) revokes every token of the account, one audit row each", async () => {
    const first = await issue("dsi@guichet.test");
    const second = await issue("dsi@guichet.test");
    const other = await issue("secu@guichet.test");
    await authOptions().events!.signOut!({
      token: { sub: await userId("dsi@guichet.test"), email: "dsi@guichet.test" },
      session: undefined as never,
    });
    expect((await call(me, "GET", first.token)).status).toBe(401);
    expect((await call(me, "GET", second.token)).status).toBe(401);
    expect((await call(me, "GET", other.token)).status).toBe(200);
    expect((await revokedRowsFor([first.id, second.id, other.id])).map((row) => row.objectId).sort()).toEqual([first.id, second.id].sort());
  });

  test("disabling an account revokes its tokens, one audit row each, in the admin's name", async () => {
    const first = await issue("dane37@guichet.test");
    const second = await issue("dane37@guichet.test");
    const admin = await callerFor("admin@guichet.test");
    const target = await userId("dane37@guichet.test");
    const requestId = randomUUID();
    await updateAccount(admin, target, { disabled: true }, new Date(), auditActor({ "x-request-id": requestId }, admin));
    try {
      expect((await call(me, "GET", first.token)).status).toBe(401);
      const revoked = (await auditRowsOf(requestId)).filter((row) => row.action === "token.revoked");
      expect(revoked.map((row) => row.objectId).sort()).toEqual([first.id, second.id].sort());
      expect(revoked.every((row) => row.actorId === admin.id)).toBe(true);
    } finally {
      await updateAccount(admin, target, { disabled: false }, new Date(), auditActor({}, admin));
    }
    expect((await call(me, "GET", second.token)).status).toBe(401);
  });
});
