import { asc, eq, gt, inArray, like, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { GET as ticketRoute } from "@/app/api/v1/tickets/[reference]/route";
import { database } from "@/db/client";
import { auditEvents, routingRules, teams, vendors } from "@/db/schema";
import { DEFAULT_CALENDAR } from "@/lib/domain/business-calendar";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { logger } from "@/lib/logger";
import type { AuditEventJson } from "@/lib/schemas/audit";
import { auditQuery } from "@/lib/schemas/audit";
import { drillDownQuery } from "@/lib/schemas/dashboards";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { purgeAuditEvents } from "@/lib/services/audit/purge-audit";
import { auditCsv } from "@/lib/services/audit/read-audit";
import { drillDownCsv } from "@/lib/services/dashboards/dashboard-csv";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { moveRoutingRule, reorderRoutingRules } from "@/lib/services/routing/routing-rule-order";
import { createRoutingRule, deleteRoutingRule, setRoutingRuleEnabled, updateRoutingRule } from "@/lib/services/routing/routing-rules";
import {
  addClosure,
  deleteClosure,
  resetTeamSetting,
  setTeamLadder,
  setTeamWeeklyHours,
  setVendorRepairTime,
} from "@/lib/services/sla/sla-settings";
import { API, callRoute, tokenFor } from "../support/api-client";
import { callerFor, ok } from "../support/callers";

const PREFIX = "[test audit]";
const REQUEST = { requestId: "audit-test-req-1", ip: "203.0.113.7" };

let admin: Caller, technician: Caller;
let adminToken: string, technicianToken: string;
/** Rows written from here on are this file's. */
let startId: bigint;

/** The admin acting from one request, as an entry point hands it to the services. */
let ACTOR: AuditActor;

/** The rows written since the last call, oldest first. */
let seen: bigint;
async function newRows() {
  const rows = await database().select().from(auditEvents).where(gt(auditEvents.id, seen)).orderBy(asc(auditEvents.id));
  if (rows.length) seen = rows.at(-1)!.id;
  return rows;
}

/** Exactly one new row, with the request's facts. */
async function oneRow() {
  const rows = await newRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actorId: admin.id, actorLabel: admin.email, ip: REQUEST.ip, requestId: REQUEST.requestId });
  return rows[0]!;
}

beforeAll(async () => {
  [admin, technician] = await Promise.all([callerFor("admin@guichet.test"), callerFor("tech.ouest@guichet.test")]);
  ACTOR = { userId: admin.id, label: admin.email, ...REQUEST };
  [adminToken, technicianToken] = await Promise.all([tokenFor("admin@guichet.test"), tokenFor("tech.ouest@guichet.test")]);
  const [last] = await database()
    .select({ id: sql<string>`coalesce(max(${auditEvents.id}), 0)::text` })
    .from(auditEvents);
  startId = BigInt(last!.id);
  seen = startId;
});

afterAll(async () => {
  await database()
    .delete(routingRules)
    .where(like(routingRules.name, `${PREFIX}%`));
});

describe("the table is append-only", () => {
  test("the app's own connection can neither UPDATE, DELETE nor TRUNCATE a row", async () => {
    const [row] = await database()
      .insert(auditEvents)
      .values({ action: "account.updated", objectType: "user", objectId: "append-only", actorLabel: "test" })
      .returning({ id: auditEvents.id });
    const refused = /append-only/;
    await expect(database().update(auditEvents).set({ actorLabel: "someone else" }).where(eq(auditEvents.id, row!.id))).rejects.toThrow();
    await expect(database().execute(sql`UPDATE audit_events SET action = 'account.created' WHERE id = ${row!.id}`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(refused) },
    });
    await expect(database().execute(sql`DELETE FROM audit_events WHERE id = ${row!.id}`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(refused) },
    });
    await expect(database().execute(sql`TRUNCATE audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(refused) },
    });
    const [kept] = await database().select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(kept).toMatchObject({ actorLabel: "test", action: "account.updated" });
  });

  test("the purge deletes the rows past the retention only, and its permission ends with its transaction", async () => {
    const now = new Date();
    const day = 86_400_000;
    const rows = await database()
      .insert(auditEvents)
      .values([
        { action: "account.disabled", objectType: "user", objectId: "purge-old", occurredAt: new Date(now.getTime() - 400 * day) },
        { action: "account.disabled", objectType: "user", objectId: "purge-recent", occurredAt: new Date(now.getTime() - 300 * day) },
      ])
      .returning({ id: auditEvents.id, objectId: auditEvents.objectId });
    const { deleted } = await purgeAuditEvents(now, 365);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await database()
      .select({ objectId: auditEvents.objectId })
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.id,
          rows.map((row) => row.id),
        ),
      );
    expect(left.map((row) => row.objectId)).toEqual(["purge-recent"]);
    // The same pool connection, after the purge: deleting is refused again.
    await expect(database().execute(sql`DELETE FROM audit_events WHERE object_id = 'purge-recent'`)).rejects.toThrow();
    // A shorter retention reaches the other one.
    await purgeAuditEvents(now, 200);
    expect(await database().select().from(auditEvents).where(eq(auditEvents.objectId, "purge-recent"))).toEqual([]);
  });
});

describe("each audited change writes one row in its transaction, before → after", () => {
  test("disabling and re-enabling an account", async () => {
    await newRows();
    const target = await callerFor("dane37@guichet.test");
    await ok(updateAccount(admin, target.id, { disabled: true }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "account.disabled",
      objectType: "user",
      objectId: target.id,
      before: { email: target.email, disabled: false },
      after: { email: target.email, disabled: true },
    });
    await ok(updateAccount(admin, target.id, { disabled: false }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({ action: "account.enabled", before: { disabled: true }, after: { disabled: false } });
  });

  test("a refused change writes nothing", async () => {
    await newRows();
    const target = await callerFor("dane37@guichet.test");
    const asTechnician = auditActor({}, technician);
    expect(await updateAccount(technician, target.id, { disabled: true }, new Date(), asTechnician)).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(
      await addClosure(technician, { teamCode: "", from: "2026-12-24", to: "2026-12-24", label: "Refusée" }, new Date(), asTechnician),
    ).toMatchObject({ ok: false });
    expect(await updateAccount(admin, "00000000-0000-4000-8000-000000000000", { disabled: true }, new Date(), ACTOR)).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await newRows()).toEqual([]);
  });

  test("a team's weekly hours and ladder, set and reset", async () => {
    await newRows();
    const [team] = await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "PROX-EST"));
    const weekly = { ...DEFAULT_CALENDAR.weekly, 3: [{ start: "08:00", end: "12:00" }] };
    await ok(setTeamWeeklyHours(admin, { teamCode: "PROX-EST", weekly }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.hours_changed",
      objectType: "team",
      objectId: team!.id,
      before: { teamCode: "PROX-EST", weeklyHours: null },
      after: { teamCode: "PROX-EST", weeklyHours: { 3: [{ start: "08:00", end: "12:00" }] } },
    });
    await ok(resetTeamSetting(admin, { teamCode: "PROX-EST", what: "hours" }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.hours_changed",
      before: { weeklyHours: { 3: [{ start: "08:00", end: "12:00" }] } },
      after: { weeklyHours: null },
    });

    const levels = [{ level: 1, role: "sector_lead" as const, afterPercentOfResolve: 80 }];
    await ok(setTeamLadder(admin, { teamCode: "PROX-EST", levels }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.ladder_changed",
      objectId: team!.id,
      before: { teamCode: "PROX-EST", escalationLevels: null },
      after: { escalationLevels: levels },
    });
    await ok(resetTeamSetting(admin, { teamCode: "PROX-EST", what: "ladder" }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.ladder_changed",
      before: { escalationLevels: levels },
      after: { escalationLevels: null },
    });
  });

  test("a closure added, then deleted: the deletion keeps what it was", async () => {
    await newRows();
    const closure = { teamCode: "PROX-EST", from: "2027-02-15", to: "2027-02-19", label: `${PREFIX} Vacances d'hiver` };
    const added = await ok(addClosure(admin, closure, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.closure_added",
      objectType: "closure",
      objectId: added.id,
      before: null,
      after: closure,
    });
    await ok(deleteClosure(admin, { id: added.id }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "sla.closure_deleted",
      objectType: "closure",
      objectId: added.id,
      before: closure,
      after: null,
    });
  });

  test("a vendor's repair time", async () => {
    await newRows();
    const [vendor] = await database()
      .insert(vendors)
      .values({ name: `${PREFIX} Prestataire`, repairCommitment: null })
      .returning({ id: vendors.id });
    try {
      await ok(setVendorRepairTime(admin, { vendorId: vendor!.id, commitment: { businessMinutes: 480 } }, new Date(), ACTOR));
      expect(await oneRow()).toMatchObject({
        action: "vendor.repair_time_changed",
        objectType: "vendor",
        objectId: vendor!.id,
        before: { name: `${PREFIX} Prestataire`, repairCommitment: null },
        after: { repairCommitment: { businessMinutes: 480 } },
      });
    } finally {
      await database().delete(vendors).where(eq(vendors.id, vendor!.id));
    }
  });

  test("a routing rule created, edited, switched off, moved, reordered and deleted", async () => {
    await newRows();
    const rule = {
      name: `${PREFIX} Imprimantes`,
      enabled: true,
      match: { services: ["IMPRESSION"] },
      teamCode: "PROX-EST",
      watcherTeamCodes: [],
      priorityFloor: null,
      assignToReferent: false,
    };
    const { id } = await ok(createRoutingRule(admin, rule, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "routing_rule.created",
      objectType: "routing_rule",
      objectId: id,
      before: null,
      after: { name: rule.name, teamCode: "PROX-EST", version: 1 },
    });

    await ok(updateRoutingRule(admin, { id, version: 1 }, { ...rule, teamCode: "PROX-OUEST" }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "routing_rule.updated",
      objectId: id,
      before: { teamCode: "PROX-EST", version: 1 },
      after: { teamCode: "PROX-OUEST", version: 2 },
    });

    await ok(setRoutingRuleEnabled(admin, { id, enabled: false }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({ action: "routing_rule.updated", before: { enabled: true }, after: { enabled: false } });

    const names = async () =>
      await database()
        .select({ id: routingRules.id, name: routingRules.name })
        .from(routingRules)
        .orderBy(asc(routingRules.position), asc(routingRules.id));
    const before = await names();
    await ok(moveRoutingRule(admin, { id, direction: "up" }, new Date(), ACTOR));
    const moved = await names();
    expect(await oneRow()).toMatchObject({
      action: "routing_rule.reordered",
      objectId: id,
      before: { order: before.map((row) => row.name) },
      after: { order: moved.map((row) => row.name) },
    });

    await ok(
      reorderRoutingRules(
        admin,
        before.map((row) => row.id),
        new Date(),
        ACTOR,
      ),
    );
    expect(await oneRow()).toMatchObject({
      action: "routing_rule.reordered",
      objectId: null,
      before: { order: moved.map((row) => row.name) },
      after: { order: before.map((row) => row.name) },
    });
    // The same order again changes nothing and records nothing.
    await ok(
      reorderRoutingRules(
        admin,
        before.map((row) => row.id),
        new Date(),
        ACTOR,
      ),
    );
    expect(await newRows()).toEqual([]);

    const [current] = await database().select({ version: routingRules.version }).from(routingRules).where(eq(routingRules.id, id));
    await ok(deleteRoutingRule(admin, { id, version: current!.version }, new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "routing_rule.deleted",
      objectId: id,
      before: { name: rule.name, enabled: false },
      after: null,
    });
  });

  test("a dashboard list downloaded as CSV, and the journal's own CSV", async () => {
    await newRows();
    const t = (key: string) => key;
    const file = await ok(drillDownCsv(admin, drillDownQuery.parse({ establishment: "0370037P" }), t, "fr-FR", new Date(), ACTOR));
    expect(await oneRow()).toMatchObject({
      action: "export.downloaded",
      objectType: "export",
      objectId: file.fileName,
      after: { filters: { table: "tickets", establishment: "0370037P" }, rows: file.rows },
    });
    const labels = {
      header: ["at", "who"],
      action: (action: string) => `label:${action}`,
      objectType: (type: string) => type,
      at: (date: Date) => date.toISOString(),
    };
    const csv = await auditCsv(admin, auditQuery.parse({ action: "export.downloaded", who: "admin@" }), labels, ACTOR);
    expect(csv!.text).toContain("label:export.downloaded");
    expect(csv!.text).toContain(file.fileName);
    expect(await oneRow()).toMatchObject({
      action: "export.downloaded",
      objectId: "journal",
      after: { filters: { action: "export.downloaded", who: "admin@" }, rows: csv!.rows },
    });
    expect(await auditCsv(technician, auditQuery.parse({}), labels, auditActor({}, technician))).toBeNull();
    expect(await newRows()).toEqual([]);
  });
});

describe("GET /api/v1/audit", () => {
  type Page = { items: AuditEventJson[]; nextCursor: string | null };

  test("admins page through the filtered rows, newest first", async () => {
    const mine = `/audit?objectType=routing_rule&from=2020-01-01&limit=2`;
    const first = await callRoute<Page>(auditRoute, { path: mine, token: adminToken });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((item) => item.objectType === "routing_rule")).toBe(true);
    expect(first.body.items[0]).toMatchObject({
      action: "routing_rule.deleted",
      actor: { id: admin.id, label: admin.email },
      ip: REQUEST.ip,
      requestId: REQUEST.requestId,
    });
    const all: AuditEventJson[] = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await callRoute<Page>(auditRoute, { path: `${mine}&cursor=${cursor}`, token: adminToken });
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    // The six rule changes made above, each once, in reverse order.
    expect(all.filter((item) => Number(item.id) > Number(startId)).map((item) => item.action)).toEqual([
      "routing_rule.deleted",
      "routing_rule.reordered",
      "routing_rule.reordered",
      "routing_rule.updated",
      "routing_rule.updated",
      "routing_rule.created",
    ]);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
  });

  test("filters by who, action, object and Paris days", async () => {
    const target = await callerFor("dane37@guichet.test");
    const byObject = await callRoute<Page>(auditRoute, {
      path: `/audit?objectType=user&objectId=${target.id}&action=account.enabled&who=ADMIN@GUICHET`,
      token: adminToken,
    });
    // Other files disable this account too: the rows of this file are the newest.
    expect(byObject.body.items.every((item) => item.action === "account.enabled" && item.objectId === target.id)).toBe(true);
    expect(byObject.body.items.filter((item) => BigInt(item.id) > startId).map((item) => item.requestId)).toEqual([REQUEST.requestId]);
    const past = await callRoute<Page>(auditRoute, { path: `/audit?objectId=${target.id}&to=2020-01-01`, token: adminToken });
    expect(past.body.items).toEqual([]);
  });

  test("refused to anyone but an admin, anonymous first; bad filters are named", async () => {
    expect((await callRoute(auditRoute, { path: "/audit" })).status).toBe(401);
    const refused = await callRoute(auditRoute, { path: "/audit", token: technicianToken });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const bad = await callRoute(auditRoute, {
      path: "/audit?action=account.deleted&from=2026-02-01&to=2026-01-01&cursor=abc",
      token: adminToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(expect.arrayContaining(["action", "cursor"]));
    const backwards = await callRoute(auditRoute, { path: "/audit?from=2026-02-01&to=2026-01-01", token: adminToken });
    expect(backwards.body.errors).toEqual([{ field: "to", message: "Le dernier jour doit suivre le premier." }]);
  });
});

describe("request ids and refusal logs", () => {
  afterEach(() => vi.restoreAllMocks());

  test("an /api answer carries the request's id: the proxy's when it looks like one, else a new one", async () => {
    const given = await auditRoute(
      new Request(`${API}/audit`, { headers: { authorization: `Bearer ${adminToken}`, "x-request-id": "nginx-5f2a9c" } }),
      {} as never,
    );
    expect(given.headers.get("x-request-id")).toBe("nginx-5f2a9c");
    const made = await auditRoute(new Request(`${API}/audit`, { headers: { "x-request-id": "two words" } }), {} as never);
    expect(made.status).toBe(401);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a 403 is logged at warn with the caller, the object and the request id", async () => {
    const warn = vi.spyOn(logger, "warn");
    const response = await auditRoute(
      new Request(`${API}/audit?action=account.disabled`, {
        headers: { authorization: `Bearer ${technicianToken}`, "x-request-id": "refused-403" },
      }),
      {} as never,
    );
    expect(response.status).toBe(403);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([
      {
        requestId: "refused-403",
        status: 403,
        caller: { id: technician.id, email: technician.email, role: "technician" },
        method: "GET",
        object: "/api/v1/audit?action=account.disabled",
      },
      "authorization refused",
    ]);
  });

  test("a 404 hiding a ticket is logged without the request's body", async () => {
    const warn = vi.spyOn(logger, "warn");
    const response = await ticketRoute(
      new Request(`${API}/tickets/GU-1999-000001`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${technicianToken}`, "content-type": "application/json" },
        body: JSON.stringify({ message: "body-text", assignee: "me" }),
      }),
      { params: Promise.resolve({ reference: "GU-1999-000001" }) },
    );
    expect(response.status).toBe(404);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatchObject({
      status: 404,
      caller: { email: technician.email },
      method: "PATCH",
      object: "/api/v1/tickets/GU-1999-000001",
    });
    expect(JSON.stringify(warn.mock.calls)).not.toContain("body-text");
  });

  test("a success and an anonymous 401 log no refusal", async () => {
    const warn = vi.spyOn(logger, "warn");
    expect((await callRoute(auditRoute, { path: "/audit?limit=1", token: adminToken })).status).toBe(200);
    expect((await callRoute(auditRoute, { path: "/audit" })).status).toBe(401);
    expect(warn).not.toHaveBeenCalled();
  });
});
