import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, roomSupportModes, tickets } from "@/db/schema";
import { declaredRooms } from "@/db/queries/establishments";
import { zoneIdByCode } from "@/db/queries/zones";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { roomKey } from "@/lib/domain/room-support-mode";
import type { PatchEstablishmentInput, RoomModeInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { changeAndRecompute } from "../sla/recompute-open-tickets";
import { FORBIDDEN, invalidField } from "./shared";

type Current = { rooms: RoomModeInput[] };
type Changed = { id: string; recompute: boolean };

const sameRooms = (a: RoomModeInput[], b: RoomModeInput[]) =>
  JSON.stringify(a.map((room) => [roomKey(room.room), room.supportMode]).sort()) ===
  JSON.stringify(b.map((room) => [roomKey(room.room), room.supportMode]).sort());

/**
 * Changes a school: the patch is computed from its current rooms (so adding one room cannot lose another's
 * change). A new support mode or new rooms apply to new tickets and recompute the SLA of the school's open
 * tickets, as a calendar change does: the change and the first batch in one transaction, the timers after commit.
 */
async function changeEstablishment(
  caller: Caller,
  uai: string,
  patchFrom: (current: Current) => PatchEstablishmentInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  const result = await changeAndRecompute(
    async (tx: Executor): Promise<ServiceResult<Changed>> => {
      const [school] = await tx.select().from(establishments).where(eq(establishments.uai, uai)).for("update");
      if (!school) return fail({ kind: "not_found" });
      const rooms = await declaredRooms(tx, school.id);
      const { zone, rooms: newRooms, ...fields } = patchFrom({ rooms });
      const zoneId = zone === undefined ? undefined : await zoneIdByCode(tx, zone);
      if (zoneId === null) return invalidField("zone", "establishments.errors.unknownZone");
      if (newRooms && new Set(newRooms.map((room) => roomKey(room.room))).size !== newRooms.length)
        return invalidField("rooms", "establishments.errors.roomTwice");

      await tx
        .update(establishments)
        .set({ ...fields, ...(zoneId ? { zoneId } : {}), updatedAt: now, updatedById: caller.id })
        .where(eq(establishments.id, school.id));
      const roomsChanged = newRooms !== undefined && !sameRooms(rooms, newRooms);
      if (roomsChanged) {
        await tx.delete(roomSupportModes).where(eq(roomSupportModes.establishmentId, school.id));
        if (newRooms.length) await tx.insert(roomSupportModes).values(newRooms.map((room) => ({ establishmentId: school.id, ...room })));
      }
      const before = Object.fromEntries(Object.keys(fields).map((key) => [key, school[key as keyof typeof fields]]));
      await recordAudit(tx, actor, {
        action: "establishment.updated",
        objectType: "establishment",
        objectId: school.id,
        before: { ...before, ...(zoneId ? { zoneId: school.zoneId } : {}), ...(roomsChanged ? { rooms } : {}) },
        after: { ...fields, ...(zoneId ? { zoneId } : {}), ...(roomsChanged ? { rooms: newRooms } : {}) },
      });
      const modeChanged = fields.supportMode !== undefined && fields.supportMode !== school.supportMode;
      return succeed({ id: school.id, recompute: modeChanged || roomsChanged });
    },
    (changed) => (changed.recompute ? eq(tickets.establishmentId, changed.id) : sql`false`),
    now,
  );
  return result.ok ? succeed({ recomputed: result.value.recomputed }) : result;
}

export function updateEstablishment(caller: Caller, uai: string, patch: PatchEstablishmentInput, now: Date, actor: AuditActor) {
  return changeEstablishment(caller, uai, () => patch, now, actor);
}

/** Declares one room in another mode (or changes its mode). */
export function declareRoom(caller: Caller, input: { uai: string } & RoomModeInput, now: Date, actor: AuditActor) {
  return changeEstablishment(
    caller,
    input.uai,
    ({ rooms }) => ({
      rooms: [...rooms.filter((room) => roomKey(room.room) !== roomKey(input.room)), { room: input.room, supportMode: input.supportMode }],
    }),
    now,
    actor,
  );
}

/** The room follows the school's mode again. */
export function removeRoom(caller: Caller, input: { uai: string; room: string }, now: Date, actor: AuditActor) {
  return changeEstablishment(
    caller,
    input.uai,
    ({ rooms }) => ({ rooms: rooms.filter((room) => roomKey(room.room) !== roomKey(input.room)) }),
    now,
    actor,
  );
}
