import { expect, test } from "vitest";
import { summarizeRooms, type RoomModelCount } from "./ci-rooms";

const row = (
  room: string,
  ciClass: RoomModelCount["class"],
  model: string,
  count: number,
  building: string | null = "A",
): RoomModelCount => ({ building, room, class: ciClass, brand: "HP", model, count });

test.each<[string, RoomModelCount[], boolean, string[]]>([
  [
    "one model of PC, a projector beside it",
    [row("A101", "pc", "ProDesk 400 G7", 14), row("A101", "video_projector", "EB-X51", 1)],
    true,
    [],
  ],
  ["two PC models", [row("A101", "pc", "ProDesk 400 G7", 10), row("A101", "pc", "Compaq Pro 6300", 4)], false, ["pc"]],
  ["PCs of one model and tablets of another", [row("B2", "pc", "ProDesk 400 G7", 10), row("B2", "tablet", "iPad 9", 4)], true, []],
  ["two switch models do not count", [row("SR", "network_switch", "5130-24G", 1), row("SR", "network_switch", "2960", 1)], true, []],
])("%s", (_case, counts, homogeneous, mixed) => {
  const [room] = summarizeRooms(counts);
  expect(room!.homogeneous).toBe(homogeneous);
  expect(room!.mixedClasses).toEqual(mixed);
  expect(room!.total).toBe(counts.reduce((sum, item) => sum + item.count, 0));
});

test("rooms are sorted by building then room, numbers in order; the largest model first", () => {
  const rooms = summarizeRooms([
    row("A110", "pc", "X", 1),
    row("A12", "pc", "X", 1),
    row("A2", "pc", "Y", 2),
    row("A2", "pc", "Z", 5),
    row("B1", "pc", "X", 1, "B"),
  ]);
  expect(rooms.map((room) => room.room)).toEqual(["A2", "A12", "A110", "B1"]);
  expect(rooms[0]!.models.map((model) => model.model)).toEqual(["Z", "Y"]);
});
