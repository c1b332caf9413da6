import { describe, expect, test } from "vitest";
import { roomKey, ticketSupportMode, type DeclaredRoom } from "./room-support-mode";
import type { SupportMode } from "./vocabulary";

const OUVERT_B204: DeclaredRoom[] = [
  { room: "B204", supportMode: "ouvert" },
  { room: "CDI", supportMode: "hors_perimetre" },
];

describe("ticketSupportMode", () => {
  test.each<[string, SupportMode, (string | null)[], DeclaredRoom[], SupportMode]>([
    ["no equipment: the school's mode", "normal", [], OUVERT_B204, "normal"],
    ["an item in a declared `ouvert` room of a `normal` school", "normal", ["B204"], OUVERT_B204, "ouvert"],
    ["the room as written differently (case, spaces)", "normal", [" b204 "], OUVERT_B204, "ouvert"],
    ["an item in an undeclared room", "normal", ["A101"], OUVERT_B204, "normal"],
    ["an item without a room", "normal", [null], OUVERT_B204, "normal"],
    ["two items of the same declared room", "normal", ["B204", "b204"], OUVERT_B204, "ouvert"],
    ["items in a declared and an undeclared room: the school's", "normal", ["B204", "A101"], OUVERT_B204, "normal"],
    ["items in rooms declared in different modes: the school's", "normal", ["B204", "CDI"], OUVERT_B204, "normal"],
    ["a `normal` room in an `ouvert` school", "ouvert", ["LABO"], [{ room: "LABO", supportMode: "normal" }], "normal"],
    ["no room declared at all", "ouvert", ["B204"], [], "ouvert"],
    ["a room declared in the school's own mode changes nothing", "normal", ["B204"], [{ room: "B204", supportMode: "normal" }], "normal"],
  ])("%s", (_case, school, rooms, declared, expected) => {
    expect(ticketSupportMode(school, rooms, declared)).toBe(expected);
  });
});

test("roomKey ignores case and surrounding spaces only", () => {
  expect(roomKey("  salle b 204 ")).toBe("SALLE B 204");
  expect(roomKey("B204")).not.toBe(roomKey("B 204"));
});
