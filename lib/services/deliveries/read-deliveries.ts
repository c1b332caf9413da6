import { database } from "@/db/client";
import {
  deliveryById,
  itemsOfDelivery,
  listDeliveries,
  recyclingList,
  replaceableCis,
  type DeliveryRecord,
  type DeliveryScope,
  type DeliverySummary,
} from "@/db/queries/deliveries";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { canCheckDelivery, canSeeDelivery, shownState, type DeliveryState } from "@/lib/domain/deliveries";
import { can } from "@/lib/domain/permissions";
import { managesDeliveries } from "./create-delivery";

export type DeliveryView<T extends DeliverySummary = DeliverySummary> = Omit<T, "state"> & { state: DeliveryState };

/** The deliveries a caller sees: every school's for the Région's and Académie's staff, their own schools' for school staff. */
export function deliveryScope(caller: Caller): DeliveryScope | null {
  if (can(caller, "establishments.read_all")) return { kind: "all" };
  if (can(caller, "establishments.read_own")) return { kind: "establishments", ids: caller.establishmentIds };
  return null;
}

const view = <T extends DeliverySummary>(delivery: T, now: Date): DeliveryView<T> => ({
  ...delivery,
  state: shownState(delivery.state, delivery.deliveredOn, parisDay(now)),
});

export async function readDeliveries(caller: Caller, now: Date): Promise<{ items: DeliveryView[]; canCreate: boolean } | null> {
  const scope = deliveryScope(caller);
  if (!scope) return null;
  const db = database();
  const [items, canCreate] = await Promise.all([listDeliveries(db, scope), managesDeliveries(db, caller)]);
  return { items: items.map((item) => view(item, now)), canCreate };
}

/** One delivery, or null when it does not exist or is not the caller's to see (the same answer). */
export async function readDelivery(caller: Caller, id: string, now: Date): Promise<DeliveryView<DeliveryRecord> | null> {
  const delivery = await deliveryById(database(), id);
  if (!delivery || !canSeeDelivery(caller, delivery.establishmentId)) return null;
  return view(delivery, now);
}

/** The delivery's page: the delivery, whether the caller checks it now, the old items it may replace, the items it brought. */
export async function deliveryPage(caller: Caller, id: string, now: Date) {
  const delivery = await readDelivery(caller, id, now);
  if (!delivery) return null;
  const db = database();
  const checkable = delivery.state === "delivered" && canCheckDelivery(caller, delivery.establishmentId);
  const [replaceable, items] = await Promise.all([
    checkable ? replaceableCis(db, delivery.establishmentId, [...new Set(delivery.lines.map((line) => line.class))]) : Promise.resolve([]),
    itemsOfDelivery(db, id),
  ]);
  return { delivery, checkable, replaceable, items };
}

/** A school's recycling list (the items its deliveries replaced), for those who see its deliveries. */
export async function readRecyclingList(caller: Caller, establishment: { id: string }) {
  if (!canSeeDelivery(caller, establishment.id)) return null;
  return recyclingList(database(), establishment.id);
}
