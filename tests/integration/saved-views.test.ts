import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/services/tickets/saved-views";
import { callerFor } from "../support/callers";

let technician: Caller, otherTechnician: Caller, requester: Caller;

beforeAll(async () => {
  [technician, otherTechnician, requester] = await Promise.all([
    callerFor("tech.ouest@guichet.test"),
    callerFor("tech.est@guichet.test"),
    callerFor("csl.choiseul@guichet.test"),
  ]);
  await database().delete(savedViews).where(eq(savedViews.userId, technician.id));
});

const names = async (caller: Caller) => (await listSavedViews(caller)).map((view) => view.name);

describe("saved views", () => {
  test("a technician saves the current queue and filters, lists them by name, and empty criteria are dropped", async () => {
    const saved = await saveView(technician, {
      name: "  Urgences Ouest ",
      query: { file: "PROX-OUEST", priority: "P1", q: "", sort: "priority" },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { name: "Urgences Ouest", query: { file: "PROX-OUEST", priority: "P1", sort: "priority" } },
    });
    await saveView(technician, { name: "attente prestataire", query: { file: "mine", status: "waiting_vendor" } });
    expect(await names(technician)).toEqual(["attente prestataire", "Urgences Ouest"]);
    expect(await listSavedViews(otherTechnician)).toEqual([]);
  });

  test("a name is unique per user, letter case ignored, with a message naming it; another user may reuse it", async () => {
    await saveView(technician, { name: "Réseau", query: { service: "RESEAU" } });
    const again = await saveView(technician, { name: "RÉSEAU", query: { service: "RESEAU", zone: "OUEST" } });
    expect(again).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    if (!again.ok) expect(again.failure).toMatchObject({ message: "desk.errors.viewNameTaken", values: { name: "RÉSEAU" } });
    expect((await names(technician)).filter((name) => name.toLowerCase() === "réseau")).toHaveLength(1);
    expect((await saveView(otherTechnician, { name: "Réseau", query: {} })).ok).toBe(true);
  });

  test("two saves of one name at once keep exactly one", async () => {
    const results = await Promise.all([1, 2, 3].map(() => saveView(technician, { name: "En double", query: { file: "unassigned" } })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await names(technician)).filter((name) => name === "En double")).toHaveLength(1);
  });

  test.each([
    [{ name: "", query: {} }, "name", "desk.errors.nameTheView"],
    [{ name: "x".repeat(61), query: {} }, "name", "desk.errors.viewNameTooLong"],
    [{ name: "Curseur", query: { cursor: "abc" } as Record<string, string> }, "query", "desk.errors.unknownCriterion"],
  ])("refuses %j with a message key on %s", async (input, field, message) => {
    const result = await saveView(technician, input);
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", errors: [{ field, message }] } });
  });

  test("a 60-character name is accepted", async () => {
    expect((await saveView(technician, { name: "v".repeat(60), query: {} })).ok).toBe(true);
  });

  test("only its owner deletes a view; an unknown or malformed id is not found", async () => {
    const saved = await saveView(technician, { name: "À supprimer", query: { status: "new" } });
    if (!saved.ok) throw new Error("not saved");
    expect(await deleteSavedView(otherTechnician, saved.value.id)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await names(technician)).toContain("À supprimer");
    expect(await deleteSavedView(technician, saved.value.id)).toEqual({ ok: true, value: { id: saved.value.id } });
    expect(await names(technician)).not.toContain("À supprimer");
    expect(await deleteSavedView(technician, saved.value.id)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await deleteSavedView(technician, "pas-un-uuid")).toMatchObject({ ok: false, failure: { kind: "not_found" } });
  });

  test("school staff have no saved views", async () => {
    expect(await saveView(requester, { name: "Mes demandes", query: {} })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await listSavedViews(requester)).toEqual([]);
  });
});
