import type { Executor } from "@/db/client";
import { lifecycleGroups, mostIncidentCis, roomModelCounts } from "@/db/queries/dashboard-equipment";
import type { Instants } from "@/db/queries/dashboard-tickets";
import { DEFAULT_RENEWAL_AGE_YEARS } from "@/lib/domain/ci-lifecycle";
import { summarizeRooms } from "@/lib/domain/ci-rooms";
import { ageBands, orderedClassCounts, orderedStatusCounts, type EquipmentFigures } from "@/lib/domain/dashboard";
import { share } from "@/lib/domain/dashboard-statistics";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";

/**
 * The equipment section: items in service by class, status and age, out-of-warranty share and renewal
 * candidates (lib/domain/ci-lifecycle.ts's rules), rooms holding more than one workstation model
 * (lib/domain/ci-rooms.ts), and the items named by the most incidents in the period.
 */
export async function equipmentFigures(
  db: Executor,
  ids: readonly string[],
  period: Instants,
  today: string,
  options: { rooms: boolean },
): Promise<EquipmentFigures> {
  const [groups, rooms, mostIncidents] = await Promise.all([
    lifecycleGroups(db, ids, today, DEFAULT_RENEWAL_AGE_YEARS),
    options.rooms ? roomModelCounts(db, ids) : Promise.resolve([]),
    mostIncidentCis(db, ids, period, 10),
  ]);
  const byClass = new Map<CiClass, number>();
  const byStatus = new Map<CiStatus, number>();
  const ages = new Map<number | null, number>();
  let total = 0,
    known = 0,
    expired = 0,
    renewal = 0;
  for (const group of groups) {
    total += group.count;
    byClass.set(group.class, (byClass.get(group.class) ?? 0) + group.count);
    byStatus.set(group.status, (byStatus.get(group.status) ?? 0) + group.count);
    ages.set(group.age, (ages.get(group.age) ?? 0) + group.count);
    if (group.warrantyKnown) known += group.count;
    if (group.outOfWarranty) expired += group.count;
    if (group.renewal) renewal += group.count;
  }
  // Rooms are a school's: summarized school by school (Map.groupBy needs Node 21).
  const perSchool = new Map<string, typeof rooms>();
  for (const row of rooms) {
    const list = perSchool.get(row.establishmentId);
    if (list) list.push(row);
    else perSchool.set(row.establishmentId, [row]);
  }
  const mixedRooms = [...perSchool.values()]
    .flatMap((counts) => summarizeRooms(counts))
    .filter((room) => !room.homogeneous)
    .map((room) => ({ building: room.building, room: room.room, models: room.models.length, total: room.total }));
  return {
    total,
    byClass: orderedClassCounts(byClass),
    byStatus: orderedStatusCounts(byStatus),
    ageBands: ageBands(ages),
    outOfWarranty: { count: expired, known, share: share(expired, known) },
    renewalCandidates: renewal,
    mixedRooms,
    mostIncidents,
  };
}
