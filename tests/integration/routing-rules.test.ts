import { asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { POST as testRoute } from "@/app/api/v1/routing/test/route";
import { database } from "@/db/client";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { routingRuleHistory, routingRules } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { RoutingTestResultJson } from "@/lib/schemas/api-responses";
import type { RoutingRuleInput } from "@/lib/schemas/routing-rules";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { moveRoutingRule, reorderRoutingRules } from "@/lib/services/routing/routing-rule-order";
import {
  createRoutingRule,
  deleteRoutingRule,
  listRoutingRules,
  setRoutingRuleEnabled,
  updateRoutingRule,
} from "@/lib/services/routing/routing-rules";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";

// Rules made here carry this prefix, so a failed run leaves nothing behind for the next files.
const PREFIX = "[test routage]";
const MOBILE_TEAM = "Équipe mobile de la zone";

let admin: Caller, technician: Caller;
let adminToken: string, technicianToken: string, requesterToken: string;

const order = async () => (await loadRoutingRules(database())).map((rule) => rule.name);
const ruleRow = async (id: string) => (await database().select().from(routingRules).where(eq(routingRules.id, id)))[0];
const ruleNamed = async (name: string) => (await database().select().from(routingRules).where(eq(routingRules.name, name)))[0]!;
const historyOf = (ruleId: string) =>
  database().select().from(routingRuleHistory).where(eq(routingRuleHistory.ruleId, ruleId)).orderBy(asc(routingRuleHistory.id));

const printers = (overrides: Partial<RoutingRuleInput> = {}): RoutingRuleInput => ({
  name: `${PREFIX} Imprimantes du Loiret`,
  enabled: true,
  match: { services: ["IMPRESSION"], departements: ["45"] },
  teamCode: "PROX-EST",
  watcherTeamCodes: [],
  priorityFloor: null,
  assignToReferent: false,
  ...overrides,
});

async function created(rule: RoutingRuleInput = printers()): Promise<string> {
  const result = await createRoutingRule(admin, rule, new Date(), auditActor({}, admin));
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.value.id;
}

beforeAll(async () => {
  [admin, technician] = await Promise.all([callerFor("admin@guichet.test"), callerFor("tech.ouest@guichet.test")]);
  [adminToken, technicianToken, requesterToken] = await Promise.all([
    tokenFor("admin@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("csl.choiseul@guichet.test"),
  ]);
});

afterAll(async () => {
  await database()
    .delete(routingRules)
    .where(like(routingRules.name, `${PREFIX}%`));
  await database().update(routingRules).set({ enabled: true }).where(eq(routingRules.name, MOBILE_TEAM));
});

describe("editing the rules, each change journaled", () => {
  test("a new rule goes ahead of the catch-all; its creation is journaled with who and what", async () => {
    const before = await order();
    const id = await created();
    expect(await order()).toEqual([...before.slice(0, -1), printers().name, before.at(-1)]);
    const [entry, ...rest] = await historyOf(id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: "created",
      before: null,
      changedById: admin.id,
      after: {
        name: printers().name,
        enabled: true,
        match: { services: ["IMPRESSION"], departements: ["45"] },
        teamCode: "PROX-EST",
        version: 1,
      },
    });
    await deleteRoutingRule(admin, { id, version: 1 }, new Date(), auditActor({}, admin));
  });

  test("an update on the version edited bumps it and keeps before and after; a stale one is refused and writes nothing", async () => {
    const id = await created();
    const renamed = printers({ name: `${PREFIX} Imprimantes 45`, watcherTeamCodes: ["EQ-E-DCL"], priorityFloor: "P3" });
    expect(await updateRoutingRule(admin, { id, version: 1 }, renamed, new Date(), auditActor({}, admin))).toEqual({
      ok: true,
      value: null,
    });
    expect(await ruleRow(id)).toMatchObject({
      name: renamed.name,
      watcherTeamCodes: ["EQ-E-DCL"],
      priorityFloor: "P3",
      version: 2,
      updatedById: admin.id,
    });
    expect((await historyOf(id)).at(-1)).toMatchObject({
      action: "updated",
      changedById: admin.id,
      before: { name: printers().name, version: 1 },
      after: { name: renamed.name, version: 2, priorityFloor: "P3" },
    });

    const stale = await updateRoutingRule(
      admin,
      { id, version: 1 },
      printers({ name: `${PREFIX} écrasée` }),
      new Date(),
      auditActor({}, admin),
    );
    expect(stale).toMatchObject({ ok: false, failure: { kind: "conflict", message: "routing.errors.ruleStale" } });
    expect(await ruleRow(id)).toMatchObject({ name: renamed.name, version: 2 });
    expect(await historyOf(id)).toHaveLength(2);
    await deleteRoutingRule(admin, { id, version: 2 }, new Date(), auditActor({}, admin));
  });

  test("disabling and enabling are journaled; asking for the current state changes nothing", async () => {
    const id = await created();
    await setRoutingRuleEnabled(admin, { id, enabled: false }, new Date(), auditActor({}, admin));
    await setRoutingRuleEnabled(admin, { id, enabled: false }, new Date(), auditActor({}, admin));
    await setRoutingRuleEnabled(admin, { id, enabled: true }, new Date(), auditActor({}, admin));
    const entries = await historyOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(["created", "disabled", "enabled"]);
    expect(entries[1]).toMatchObject({
      before: { enabled: true, version: 1 },
      after: { enabled: false, version: 2 },
      changedById: admin.id,
    });
    expect(entries[2]).toMatchObject({ before: { enabled: false }, after: { enabled: true, version: 3 } });
    await deleteRoutingRule(admin, { id, version: 3 }, new Date(), auditActor({}, admin));
  });

  test("moving up swaps with the neighbour, both journaled; moving back restores the order", async () => {
    const id = await created();
    const start = await order();
    const index = start.indexOf(printers().name);
    const neighbour = await ruleNamed(start[index - 1]!);

    expect(await moveRoutingRule(admin, { id, direction: "up" }, new Date(), auditActor({}, admin))).toEqual({ ok: true, value: null });
    const moved = await order();
    expect(moved[index - 1]).toBe(printers().name);
    expect(moved[index]).toBe(neighbour.name);
    const [ownMove] = (await historyOf(id)).filter((entry) => entry.action === "moved");
    const [neighbourMove] = (await historyOf(neighbour.id)).filter((entry) => entry.action === "moved").slice(-1);
    expect((ownMove!.after as { position: number }).position).toBeLessThan((ownMove!.before as { position: number }).position);
    expect(ownMove!.changedById).toBe(admin.id);
    expect((neighbourMove!.after as { position: number }).position).toBeGreaterThan(
      (neighbourMove!.before as { position: number }).position,
    );
    // Moves change no version: an edit opened before them may still be saved.
    expect(await ruleRow(id)).toMatchObject({ version: 1 });

    await moveRoutingRule(admin, { id, direction: "down" }, new Date(), auditActor({}, admin));
    expect(await order()).toEqual(start);
    await deleteRoutingRule(admin, { id, version: 1 }, new Date(), auditActor({}, admin));
  });

  test("the first rule cannot go up: nothing changes", async () => {
    const [first] = await loadRoutingRules(database());
    const entries = (await historyOf(first!.id)).length;
    expect(await moveRoutingRule(admin, { id: first!.id, direction: "up" }, new Date(), auditActor({}, admin))).toEqual({
      ok: true,
      value: null,
    });
    expect(await historyOf(first!.id)).toHaveLength(entries);
  });

  test("reordering journals the rules that changed place, and refuses a list that is not the current rules", async () => {
    const rules = await loadRoutingRules(database());
    const ids = rules.map((rule) => rule.id);
    const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
    const counts = async () => Promise.all(ids.map(async (id) => (await historyOf(id)).length));
    const before = await counts();

    expect(await reorderRoutingRules(admin, swapped, new Date(), auditActor({}, admin))).toEqual({ ok: true, value: null });
    expect(await order()).toEqual([rules[1]!.name, rules[0]!.name, ...rules.slice(2).map((rule) => rule.name)]);
    expect((await counts()).map((count, index) => count - before[index]!)).toEqual([1, 1, ...ids.slice(2).map(() => 0)]);

    expect(await reorderRoutingRules(admin, ids.slice(1), new Date(), auditActor({}, admin))).toMatchObject({
      ok: false,
      failure: { kind: "conflict" },
    });
    expect(await reorderRoutingRules(admin, ids, new Date(), auditActor({}, admin))).toEqual({ ok: true, value: null });
    expect(await order()).toEqual(rules.map((rule) => rule.name));
  });

  test("deleting needs the version seen, and the history keeps the rule as it was", async () => {
    const id = await created();
    await setRoutingRuleEnabled(admin, { id, enabled: false }, new Date(), auditActor({}, admin));
    expect(await deleteRoutingRule(admin, { id, version: 1 }, new Date(), auditActor({}, admin))).toMatchObject({
      ok: false,
      failure: { kind: "conflict" },
    });
    expect(await deleteRoutingRule(admin, { id, version: 2 }, new Date(), auditActor({}, admin))).toEqual({ ok: true, value: null });
    expect(await ruleRow(id)).toBeUndefined();
    expect((await historyOf(id)).at(-1)).toMatchObject({
      action: "deleted",
      after: null,
      changedById: admin.id,
      before: { name: printers().name, teamCode: "PROX-EST", enabled: false, version: 2 },
    });
    expect(await deleteRoutingRule(admin, { id, version: 2 }, new Date(), auditActor({}, admin))).toEqual({
      ok: false,
      failure: { kind: "not_found" },
    });
  });

  test("a team or catalogue code that names nothing is refused on its field; a placeholder team is accepted", async () => {
    const refused = await createRoutingRule(
      admin,
      printers({ teamCode: "EQ-INEXISTANTE", watcherTeamCodes: ["ACAD-RSSI", "NULLE-PART"], match: { categories: ["IMPR-PANNE-X"] } }),
      new Date(),
      auditActor({}, admin),
    );
    expect(refused).toMatchObject({
      ok: false,
      failure: {
        kind: "invalid",
        errors: [
          { field: "teamCode", message: "routing.errors.noTeamCode", values: { code: "EQ-INEXISTANTE" } },
          { field: "watcherTeamCodes", message: "routing.errors.noTeamCode", values: { code: "NULLE-PART" } },
          { field: "match.categories", message: "routing.errors.unknownCategoryCode", values: { code: "IMPR-PANNE-X" } },
        ],
      },
    });
    expect(await order()).not.toContain(printers().name);

    const id = await created(printers({ teamCode: "PROX-{zone}" }));
    await deleteRoutingRule(admin, { id, version: 1 }, new Date(), auditActor({}, admin));
  });

  test("only an administrator edits the rules", async () => {
    const [first] = await loadRoutingRules(database());
    const forbidden = { ok: false, failure: { kind: "forbidden" } };
    expect(await listRoutingRules(technician)).toBeNull();
    expect(await createRoutingRule(technician, printers(), new Date(), auditActor({}, technician))).toMatchObject(forbidden);
    expect(
      await updateRoutingRule(technician, { id: first!.id, version: first!.version }, printers(), new Date(), auditActor({}, technician)),
    ).toMatchObject(forbidden);
    expect(
      await setRoutingRuleEnabled(technician, { id: first!.id, enabled: false }, new Date(), auditActor({}, technician)),
    ).toMatchObject(forbidden);
    expect(await moveRoutingRule(technician, { id: first!.id, direction: "down" }, new Date(), auditActor({}, technician))).toMatchObject(
      forbidden,
    );
    expect(
      await deleteRoutingRule(technician, { id: first!.id, version: first!.version }, new Date(), auditActor({}, technician)),
    ).toMatchObject(forbidden);
    expect(await ruleRow(first!.id)).toMatchObject({ enabled: true, version: first!.version });
  });
});

describe("POST /api/v1/routing/test", () => {
  const deskPc = {
    type: "incident",
    serviceCode: "POSTE",
    categoryCode: "POSTE-PANNE",
    establishmentUai: "0370037P",
    impact: "group",
    urgency: "high",
  };
  const post = <Body = ProblemBody>(body: unknown, token: string | null = technicianToken) =>
    callRoute<Body>(testRoute, { path: "/routing/test", token: token ?? undefined, body });

  test("a broken PC at Choiseul goes to the Ouest mobile team, with why each rule before passed", async () => {
    const response = await post<RoutingTestResultJson>(deskPc);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rule: { name: MOBILE_TEAM }, team: { code: "PROX-OUEST" }, priority: "P2", watchers: [] });
    const trace = response.body.trace;
    expect(trace.at(-1)).toMatchObject({ rule: { name: MOBILE_TEAM }, matched: true });
    expect(trace.slice(0, -1).every((verdict) => !verdict.matched && verdict.reason.length > 0)).toBe(true);
    expect(trace.find((verdict) => verdict.rule.name === "Tâches de l'établissement")?.reason).toBe("pas une tâche de l'établissement");
  });

  test("with the mobile team's rule disabled, the same ticket falls to the service desk", async () => {
    const mobile = await ruleNamed(MOBILE_TEAM);
    await setRoutingRuleEnabled(admin, { id: mobile.id, enabled: false }, new Date(), auditActor({}, admin));
    try {
      const response = await post<RoutingTestResultJson>(deskPc, adminToken);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rule: { name: "Par défaut : centre de services" }, team: { code: "EQ-E-SD_OPE" } });
      expect(response.body.trace.find((verdict) => verdict.rule.id === mobile.id)).toEqual({
        rule: { id: mobile.id, name: MOBILE_TEAM },
        matched: false,
        reason: "règle désactivée",
      });
    } finally {
      await setRoutingRuleEnabled(admin, { id: mobile.id, enabled: true }, new Date(), auditActor({}, admin));
    }
    expect((await post<RoutingTestResultJson>(deskPc)).body.team).toEqual({ code: "PROX-OUEST" });
  });

  test("a school's requester may not test the routing (403); nobody without a token (401)", async () => {
    expect((await post(deskPc, requesterToken)).status).toBe(403);
    expect((await post(deskPc, null)).status).toBe(401);
  });

  test("a bad body is a 400 naming each field", async () => {
    const response = await post({ ...deskPc, impact: "énorme", establishmentUai: undefined, ciClasses: ["grille-pain"] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body.errors?.map((error) => error.field).sort()).toEqual(["ciClasses.0", "establishmentUai", "impact"]);
  });

  test.each([
    [{ establishmentUai: "0000001A" }, "establishmentUai"],
    [{ serviceCode: "NULLE-PART" }, "categoryCode"],
    [{ categoryCode: "POSTE-INEXISTANTE" }, "categoryCode"],
    [{ type: "request" }, "type"],
  ])("%j is a 422 on %s", async (overrides, field) => {
    const response = await post({ ...deskPc, ...overrides });
    expect(response.status).toBe(422);
    expect(response.body.errors?.[0]?.field).toBe(field);
  });

  test("the OpenAPI document describes it", async () => {
    const document = (await openapi().json()) as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(document.paths["/routing/test"]!.post!.responses)).toEqual(expect.arrayContaining(["200", "400", "403", "422"]));
  });
});
