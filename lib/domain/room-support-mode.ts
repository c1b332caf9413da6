import type { SupportMode } from "./vocabulary";

/** A room a school declared in another support mode than its own (seed 004: modes per workstation or network). */
export type DeclaredRoom = { readonly room: string; readonly supportMode: SupportMode };

/** Rooms are matched as written on the inventory, ignoring case and surrounding spaces ("b204 " is "B204"). */
export function roomKey(room: string): string {
  return room.trim().toLocaleUpperCase("fr");
}

/**
 * The support mode a ticket's commitments follow. Without equipment, the school's. With equipment,
 * each item counts in its room's declared mode, else in the school's; the ticket takes the room's mode
 * only when every item agrees on it — a ticket naming an `ouvert` room's PC and an ordinary room's PC keeps
 * the school's commitments, the stricter reading where the items disagree.
 */
export function ticketSupportMode(
  schoolMode: SupportMode,
  itemRooms: readonly (string | null)[],
  declared: readonly DeclaredRoom[],
): SupportMode {
  if (itemRooms.length === 0) return schoolMode;
  const byRoom = new Map(declared.map((room) => [roomKey(room.room), room.supportMode]));
  const modes = new Set(itemRooms.map((room) => (room === null ? undefined : byRoom.get(roomKey(room))) ?? schoolMode));
  return modes.size === 1 ? [...modes][0]! : schoolMode;
}
