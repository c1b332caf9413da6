import { randomUUID } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getUser, PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { GET as listUsersRoute, POST as createUser } from "@/app/api/v1/users/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { database } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi";
import { apiTokens, auditEvents, outboxEmails, users } from "@/db/schema";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { issueApiToken } from "@/lib/services/accounts/api-tokens";
import { setPasswordWithLink } from "@/lib/services/accounts/password-links";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { useOwnDatabase } from "../support/own-database";

const BASE = "http://localhost:3000/api/v1";
const noContext = {} as never;
const CHOISEUL = "0370037P";
const PALISSY = "0450029M";
const NEW_PASSWORD = "la tour de Choiseul penche";

const idOf = async (email: string) => (await database().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const tokenFor = async (email: string) => (await issueApiToken(database(), await idOf(email), new Date(), SYSTEM_ACTOR)).token;
const unique = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}@guichet.test`;

function request(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  return new Request(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (token: string, body: unknown) => createUser(request("/users", token, { method: "POST", body }), noContext);
const patch = (token: string, id: string, body: unknown) =>
  patchUser(request(`/users/${id}`, token, { method: "PATCH", body }), params(id));
const read = (token: string, id: string) => getUser(request(`/users/${id}`, token), params(id));
const list = (token: string, query = "") => listUsersRoute(request(`/users${query}`, token), noContext);

let peer = 0;
const signIn = (email: string, password: string) =>
  createToken(
    new Request(`${BASE}/tokens`, {
      method: "POST",
      body: JSON.stringify({ email, password }),
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: `100.66.1.${++peer}` },
    }),
    noContext,
  );

/** The token of the latest invitation or reset e-mail sent to an address. */
async function linkTokenSentTo(email: string): Promise<string> {
  const [mail] = await database()
    .select({ text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, email), like(outboxEmails.textBody, "%/mot-de-passe/%")))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  return /\/mot-de-passe\/([\w-]+)/.exec(mail!.text)![1]!;
}

const auditOf = (userId: string) =>
  database()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, userId)))
    .orderBy(auditEvents.id);

/** A head of Choiseul of their own, so the demo accounts other tests use stay as they are. */
async function newHead(admin: string): Promise<{ token: string; id: string }> {
  const email = unique("proviseur");
  const response = await post(admin, {
    email,
    name: "Proviseure adjointe",
    role: "manager",
    function: "adjoint",
    establishments: [CHOISEUL],
  });
  expect(response.status).toBe(201);
  const id = ((await response.json()) as { id: string }).id;
  return { id, token: (await issueApiToken(database(), id, new Date(), SYSTEM_ACTOR)).token };
}

// Lists accounts by school and role: a database of its own, so staff other files add (school-staff) stay out.
let drop: () => Promise<void>;
beforeAll(async () => {
  drop = await useOwnDatabase("users-api");
});
afterAll(() => drop());

describe("/api/v1/users as an admin", () => {
  test("creates a technician with two teams (the first primary), invites them, and they sign in once their password is set", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const email = unique("Tech.Nouveau");
    const response = await post(admin, {
      email,
      name: "Théo Nouveau",
      phone: "02 47 00 00 00",
      role: "technician",
      teams: ["PROX-EST", "PROX-OUEST"],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: "Théo Nouveau",
      phone: "02 47 00 00 00",
      role: "technician",
      function: null,
      establishments: [],
      teams: ["PROX-EST", "PROX-OUEST"],
      disabled: false,
    });
    expect(response.headers.get("location")).toBe(`/api/v1/users/${body.id}`);
    expect(await auditOf(String(body.id))).toEqual([{ action: "account.created", actorId: await idOf("admin@guichet.test") }]);

    // No password yet: neither a token nor a sign-in.
    expect((await signIn(email.toLowerCase(), NEW_PASSWORD)).status).toBe(401);
    const token = await linkTokenSentTo(email.toLowerCase());
    expect(await setPasswordWithLink({ token, password: NEW_PASSWORD }, new Date(), () => SYSTEM_ACTOR)).toEqual({
      ok: true,
      value: { email: email.toLowerCase() },
    });
    expect((await signIn(email.toLowerCase(), NEW_PASSWORD)).status).toBe(201);
    const caller = await loadCaller(String(body.id));
    expect(caller?.teamIds).toHaveLength(2);
  });

  test("an e-mail is unique whatever its case (409); unknown schools, teams and functions are 422; unknown fields 400", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const taken = await post(admin, { email: "CSL.Choiseul@Guichet.test", name: "Doublon", role: "requester", establishments: [CHOISEUL] });
    expect(taken.status).toBe(409);
    expect(taken.headers.get("content-type")).toBe("application/problem+json");
    const unknown = await post(admin, {
      email: unique("x"),
      name: "X",
      role: "requester",
      establishments: ["9999999Z"],
      function: "astronaute",
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual([
      "establishments",
      "function",
    ]);
    expect((await post(admin, { email: unique("x"), name: "X", role: "technician", establishments: [CHOISEUL] })).status).toBe(422);
    expect((await post(admin, { email: unique("x"), name: "X", role: "requester" })).status).toBe(422);
    expect(
      (await post(admin, { email: unique("x"), name: "X", role: "requester", establishments: [CHOISEUL], password: "nope" })).status,
    ).toBe(400);
    expect((await post(admin, { email: "pas une adresse", name: "X", role: "requester", establishments: [CHOISEUL] })).status).toBe(400);
  });

  test("finds accounts by text, role, school, zone, team and disabled, in keyset pages", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const emails = async (query: string) =>
      ((await (await list(admin, query)).json()) as { items: { email: string }[] }).items.map((item) => item.email);
    expect(await emails("?q=palissy")).toEqual(["csl.palissy@guichet.test"]);
    expect(await emails("?role=sector_lead")).toEqual(["chef.ouest@guichet.test"]);
    expect(await emails(`?establishment=${PALISSY}`)).toEqual(["csl.palissy@guichet.test"]);
    expect(await emails("?team=PROX-OUEST&role=sector_lead")).toEqual(["chef.ouest@guichet.test"]);
    expect(await emails("?zone=OUEST&role=technician")).toContain("tech.ouest@guichet.test");
    expect(await emails("?zone=OUEST&role=technician")).not.toContain("tech.est@guichet.test");
    expect(await emails("?disabled=true&q=guichet.test")).not.toContain("admin@guichet.test");
    expect(await emails("?q=%25")).toEqual([]);

    const first = (await (await list(admin, "?limit=3")).json()) as { items: { id: string }[]; nextCursor: string };
    expect(first.items).toHaveLength(3);
    const second = (await (await list(admin, `?limit=3&cursor=${first.nextCursor}`)).json()) as { items: { id: string }[] };
    expect(second.items.some((item) => first.items.some((seen) => seen.id === item.id))).toBe(false);
    expect((await list(admin, "?cursor=abc")).status).toBe(400);
  });

  test("disabling ends the account's API tokens at once; re-enabling lets it sign in again", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const { id, token } = await newHead(admin);
    expect((await read(token, id)).status).toBe(200);
    const disabled = await patch(admin, id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { disabled: boolean }).disabled).toBe(true);
    expect((await read(token, id)).status).toBe(401);
    expect(await database().select().from(apiTokens).where(eq(apiTokens.userId, id))).toEqual([]);
    expect((await patch(admin, id, { disabled: false })).status).toBe(200);
    expect((await auditOf(id)).map((row) => row.action)).toEqual(["account.created", "account.disabled", "account.enabled"]);
  });

  test("nobody disables their own account or changes their own role", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const adminId = await idOf("admin@guichet.test");
    expect((await patch(admin, adminId, { disabled: true })).status).toBe(422);
    expect((await patch(admin, adminId, { role: "technician" })).status).toBe(422);
  });
});

describe("/api/v1/users as a head of school", () => {
  test("creates a requester (201) or head of their school, never a technician (403) nor anyone for another school (404)", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const { token, id: headId } = await newHead(admin);
    const created = await post(token, {
      email: unique("csl"),
      name: "Nouveau CSL",
      role: "requester",
      function: "csl",
      establishments: [CHOISEUL],
    });
    expect(created.status).toBe(201);
    expect(await auditOf(((await created.json()) as { id: string }).id)).toEqual([{ action: "account.created", actorId: headId }]);
    expect((await post(token, { email: unique("adj"), name: "Adjoint", role: "manager", establishments: [CHOISEUL] })).status).toBe(201);
    expect((await post(token, { email: unique("tech"), name: "Technicien", role: "technician", establishments: [CHOISEUL] })).status).toBe(
      403,
    );
    expect((await post(token, { email: unique("tech"), name: "Technicien", role: "technician", teams: ["PROX-OUEST"] })).status).toBe(403);
    expect((await post(token, { email: unique("csl"), name: "Autre", role: "requester", establishments: [PALISSY] })).status).toBe(404);
    expect((await post(token, { email: unique("tech"), name: "Autre", role: "technician", establishments: [PALISSY] })).status).toBe(404);
    expect(
      (await post(token, { email: unique("csl"), name: "Les deux", role: "requester", establishments: [CHOISEUL, PALISSY] })).status,
    ).toBe(404);
  });

  test("finds and reads only their schools' staff; others are 404", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const { token } = await newHead(admin);
    const found = ((await (await list(token)).json()) as { items: { email: string; establishments: string[]; role: string }[] }).items;
    expect(found.map((item) => item.email)).toContain("csl.choiseul@guichet.test");
    expect(found.every((item) => item.establishments.includes(CHOISEUL) && ["requester", "manager"].includes(item.role))).toBe(true);
    expect(found.map((item) => item.email)).not.toContain("csl.palissy@guichet.test");
    expect((await read(token, await idOf("csl.choiseul@guichet.test"))).status).toBe(200);
    expect((await read(token, await idOf("csl.palissy@guichet.test"))).status).toBe(404);
    expect((await read(token, await idOf("tech.ouest@guichet.test"))).status).toBe(404);
    expect((await read(token, randomUUID())).status).toBe(404);
    expect((await patch(token, await idOf("csl.palissy@guichet.test"), { function: "csl" })).status).toBe(404);
  });

  test("sets a function (mailed, one audit row), may not promote nor move teams, and removing the last school disables", async () => {
    const admin = await tokenFor("admin@guichet.test");
    const { token } = await newHead(admin);
    const email = unique("secretaire");
    const created = (await (
      await post(token, { email, name: "Sylvie Secrétaire", role: "requester", establishments: [CHOISEUL] })
    ).json()) as { id: string };
    const personToken = (await issueApiToken(database(), created.id, new Date(), SYSTEM_ACTOR)).token;

    const changed = await patch(token, created.id, { function: "gestionnaire" });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { function: string }).function).toBe("gestionnaire");
    const subjects = (
      await database()
        .select({ subject: outboxEmails.subject })
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, email))
        .orderBy(outboxEmails.createdAt)
    ).map((row) => row.subject);
    expect(subjects).toEqual(["Votre compte Guichet est ouvert", "Votre fonction a changé"]);

    expect((await patch(token, created.id, { role: "technician" })).status).toBe(403);
    expect((await patch(token, created.id, { teams: ["PROX-OUEST"] })).status).toBe(403);
    expect((await patch(token, created.id, { establishments: [PALISSY] })).status).toBe(404);

    const removed = await patch(token, created.id, { establishments: [] });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { disabled: boolean }).disabled).toBe(true);
    expect((await read(personToken, created.id)).status).toBe(401);
    expect((await auditOf(created.id)).map((row) => row.action)).toEqual(["account.created", "account.updated", "account.disabled"]);
  });
});

describe("/api/v1/users as anyone else", () => {
  test.each(["csl.choiseul@guichet.test", "tech.ouest@guichet.test", "chef.service@guichet.test"])(
    "%s gets 403 on every route",
    async (email) => {
      const token = await tokenFor(email);
      const target = await idOf("csl.choiseul@guichet.test");
      expect((await list(token)).status).toBe(403);
      expect((await post(token, { email: unique("x"), name: "X", role: "requester", establishments: [CHOISEUL] })).status).toBe(403);
      expect((await read(token, target)).status).toBe(403);
      expect((await patch(token, target, { function: "csl" })).status).toBe(403);
    },
  );

  test("without credentials: 401", async () => {
    const response = await listUsersRoute(new Request(`${BASE}/users`), noContext);
    expect(response.status).toBe(401);
  });
});

test("the OpenAPI document describes every /users route", () => {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  expect(Object.keys(document.paths["/users"]!).sort()).toEqual(["get", "post"]);
  expect(Object.keys(document.paths["/users/{id}"]!).sort()).toEqual(["get", "patch"]);
  expect(Object.keys(document.components.schemas.User!.properties!).sort()).toEqual([
    "disabled",
    "email",
    "establishments",
    "function",
    "id",
    "name",
    "phone",
    "role",
    "teams",
  ]);
});
