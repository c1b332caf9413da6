import type { CiClass } from "./vocabulary";

/**
 * Seed 003 asks for one model per room: a classroom's workstations are installed, imaged and
 * repaired as a batch. A room is flagged when it holds more than one model of the same kind of
 * workstation (disposed items excluded); projectors, switches and the like do not count.
 */
export const HOMOGENEOUS_CLASSES: readonly CiClass[] = ["pc", "laptop", "tablet"];

/** What the database groups: how many items of one model a room holds. */
export type RoomModelCount = {
  building: string | null;
  room: string;
  class: CiClass;
  brand: string | null;
  model: string | null;
  count: number;
};

export type RoomSummary = {
  building: string | null;
  room: string;
  total: number;
  models: Array<{ class: CiClass; brand: string | null; model: string | null; count: number }>;
  homogeneous: boolean;
  /** The workstation classes found in more than one model. */
  mixedClasses: CiClass[];
};

const key = (building: string | null, room: string) => `${building ?? ""}\u0000${room}`;

/** Folds per-model counts into rooms, sorted by building then room, largest model first within each. */
export function summarizeRooms(counts: readonly RoomModelCount[]): RoomSummary[] {
  const rooms = new Map<string, RoomSummary>();
  for (const row of counts) {
    const id = key(row.building, row.room);
    const room = rooms.get(id) ?? { building: row.building, room: row.room, total: 0, models: [], homogeneous: true, mixedClasses: [] };
    room.total += row.count;
    room.models.push({ class: row.class, brand: row.brand, model: row.model, count: row.count });
    rooms.set(id, room);
  }
  for (const room of rooms.values()) {
    room.models.sort((a, b) => b.count - a.count || (a.model ?? "").localeCompare(b.model ?? ""));
    room.mixedClasses = HOMOGENEOUS_CLASSES.filter(
      (ciClass) => new Set(room.models.filter((m) => m.class === ciClass).map((m) => `${m.brand ?? ""}|${m.model ?? ""}`)).size > 1,
    );
    room.homogeneous = room.mixedClasses.length === 0;
  }
  return [...rooms.values()].sort(
    (a, b) => (a.building ?? "").localeCompare(b.building ?? "", "fr") || a.room.localeCompare(b.room, "fr", { numeric: true }),
  );
}
