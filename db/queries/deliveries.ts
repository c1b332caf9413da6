import { and, asc, desc, eq, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  campaignCatalogueItems,
  campaigns,
  configurationItems,
  deliveries,
  deliveryItems,
  deliveryLines,
  deliveryReplacements,
  establishments,
  teams,
  tickets,
  userEstablishments,
  users,
} from "@/db/schema";
import type { StoredDeliveryState } from "@/lib/domain/deliveries";
import type { CiClass } from "@/lib/domain/vocabulary";

export type DeliveryScope = { kind: "all" } | { kind: "establishments"; ids: string[] };

const summaryColumns = {
  id: deliveries.id,
  campaignYear: deliveries.campaignYear,
  establishmentId: deliveries.establishmentId,
  uai: establishments.uai,
  establishmentName: establishments.name,
  zoneId: establishments.zoneId,
  supplier: deliveries.supplier,
  deliveredOn: deliveries.deliveredOn,
  checkBy: deliveries.checkBy,
  state: deliveries.state,
  createdAt: deliveries.createdAt,
  checkedAt: deliveries.checkedAt,
  ticketReference: tickets.reference,
};

export type DeliverySummary = {
  id: string;
  campaignYear: number | null;
  establishmentId: string;
  uai: string;
  establishmentName: string;
  zoneId: string;
  supplier: string;
  deliveredOn: string;
  checkBy: Date;
  state: StoredDeliveryState;
  createdAt: Date;
  checkedAt: Date | null;
  ticketReference: string | null;
};

export type DeliveryLineRow = {
  id: string;
  position: number;
  code: string;
  label: string;
  class: CiClass;
  model: string;
  quantity: number;
  room: string | null;
  expectedSerials: string[];
  received: number | null;
  receivedSerials: string[];
  anomaly: "missing" | "wrong_model" | "damaged" | "other" | null;
  anomalySerials: string[];
  anomalyNote: string | null;
};

export type DeliveryRecord = DeliverySummary & { lines: DeliveryLineRow[] };

/** One delivery with its lines, or null. The caller's sight is the service's to check. */
export async function deliveryById(db: Executor, id: string): Promise<DeliveryRecord | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(deliveries)
    .innerJoin(establishments, eq(establishments.id, deliveries.establishmentId))
    .leftJoin(tickets, eq(tickets.id, deliveries.ticketId))
    .where(eq(deliveries.id, id));
  if (!row) return null;
  const lines = await db
    .select({
      id: deliveryLines.id,
      position: deliveryLines.position,
      code: deliveryLines.code,
      label: deliveryLines.label,
      class: deliveryLines.class,
      model: deliveryLines.model,
      quantity: deliveryLines.quantity,
      room: deliveryLines.room,
      expectedSerials: deliveryLines.expectedSerials,
      received: deliveryLines.received,
      receivedSerials: deliveryLines.receivedSerials,
      anomaly: deliveryLines.anomaly,
      anomalySerials: deliveryLines.anomalySerials,
      anomalyNote: deliveryLines.anomalyNote,
    })
    .from(deliveryLines)
    .where(eq(deliveryLines.deliveryId, id))
    .orderBy(asc(deliveryLines.position));
  return { ...row, lines };
}

/** The deliveries the caller sees, latest delivery day first (a school has a few a year: no paging needed beyond `limit`). */
export function listDeliveries(db: Executor, scope: DeliveryScope, limit = 200): Promise<DeliverySummary[]> {
  if (scope.kind === "establishments" && scope.ids.length === 0) return Promise.resolve([]);
  return db
    .select(summaryColumns)
    .from(deliveries)
    .innerJoin(establishments, eq(establishments.id, deliveries.establishmentId))
    .leftJoin(tickets, eq(tickets.id, deliveries.ticketId))
    .where(scope.kind === "all" ? undefined : inArray(deliveries.establishmentId, scope.ids))
    .orderBy(desc(deliveries.deliveredOn), desc(deliveries.createdAt))
    .limit(limit);
}

/** The deliveries still unchecked whose 5 working days are over at `now`: the worker's sweep. */
export async function deliveriesPastCheck(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.state, "delivered"), lte(deliveries.checkBy, now)))
    .orderBy(asc(deliveries.checkBy))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** A campaign's catalogue by code (null when there is no such campaign). */
export async function campaignCatalogue(
  db: Executor,
  year: number,
): Promise<Map<string, { label: string; class: CiClass; model: string }> | null> {
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, year));
  if (!campaign) return null;
  const items = await db
    .select({
      code: campaignCatalogueItems.code,
      label: campaignCatalogueItems.label,
      class: campaignCatalogueItems.class,
      model: campaignCatalogueItems.model,
    })
    .from(campaignCatalogueItems)
    .where(eq(campaignCatalogueItems.campaignId, campaign.id));
  return new Map(items.map((item) => [item.code, item]));
}

/** The Région's equipment team's id, when it exists. */
export async function teamIdByCode(db: Executor, code: string): Promise<string | null> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, code));
  return team?.id ?? null;
}

/**
 * Per school, how its deliveries of a campaign stand: how many in each stored state (the campaign's progress page
 * joins this per establishment). Schools without a delivery are absent.
 */
export async function deliveryProgress(
  db: Executor,
  campaignYear: number,
): Promise<
  Array<{
    establishmentId: string;
    uai: string;
    states: Partial<Record<StoredDeliveryState, number>>;
    nextCheckBy: Date | null;
    firstPendingOn: string | null;
  }>
> {
  const rows = await db
    .select({
      establishmentId: deliveries.establishmentId,
      uai: establishments.uai,
      state: deliveries.state,
      count: sql<number>`count(*)::int`,
      nextCheckBy: sql<Date | null>`min(${deliveries.checkBy}) filter (where ${deliveries.state} = 'delivered')`.mapWith((value) =>
        value === null ? null : new Date(value),
      ),
      firstPendingOn: sql<string | null>`min(${deliveries.deliveredOn}) filter (where ${deliveries.state} = 'delivered')`,
    })
    .from(deliveries)
    .innerJoin(establishments, eq(establishments.id, deliveries.establishmentId))
    .where(eq(deliveries.campaignYear, campaignYear))
    .groupBy(deliveries.establishmentId, establishments.uai, deliveries.state)
    .orderBy(asc(establishments.uai));
  const bySchool = new Map<
    string,
    {
      establishmentId: string;
      uai: string;
      states: Partial<Record<StoredDeliveryState, number>>;
      nextCheckBy: Date | null;
      firstPendingOn: string | null;
    }
  >();
  for (const row of rows) {
    const school = bySchool.get(row.establishmentId) ?? {
      establishmentId: row.establishmentId,
      uai: row.uai,
      states: {},
      nextCheckBy: null,
      firstPendingOn: null,
    };
    school.states[row.state] = row.count;
    if (row.firstPendingOn) school.firstPendingOn = row.firstPendingOn;
    if (row.nextCheckBy && (!school.nextCheckBy || row.nextCheckBy < school.nextCheckBy)) school.nextCheckBy = row.nextCheckBy;
    bySchool.set(row.establishmentId, school);
  }
  return [...bySchool.values()];
}

/** The school's items a new one may replace: in service or stock, of the classes delivered, not replaced already. */
export function replaceableCis(db: Executor, establishmentId: string, classes: CiClass[]) {
  if (!classes.length) return Promise.resolve([]);
  return db
    .select({
      id: configurationItems.id,
      name: configurationItems.name,
      class: configurationItems.class,
      room: configurationItems.room,
      model: configurationItems.model,
      serialNumber: configurationItems.serialNumber,
    })
    .from(configurationItems)
    .where(
      and(
        eq(configurationItems.establishmentId, establishmentId),
        inArray(configurationItems.class, classes),
        notInArray(configurationItems.status, ["obsolete", "disposed"]),
        sql`not exists (select 1 from ${deliveryReplacements} where ${deliveryReplacements.ciId} = ${configurationItems.id})`,
        sql`not exists (select 1 from ${deliveryItems} where ${deliveryItems.ciId} = ${configurationItems.id})`,
      ),
    )
    .orderBy(asc(configurationItems.room), asc(configurationItems.name))
    .limit(2000);
}

/** The school's recycling list: the items its deliveries replaced (PRELP), with what replaced them. */
export function recyclingList(db: Executor, establishmentId: string) {
  return db
    .select({
      ciId: configurationItems.id,
      name: configurationItems.name,
      class: configurationItems.class,
      room: configurationItems.room,
      brand: configurationItems.brand,
      model: configurationItems.model,
      serialNumber: configurationItems.serialNumber,
      assetNumber: configurationItems.assetNumber,
      status: configurationItems.status,
      replacedAt: deliveryReplacements.replacedAt,
      deliveryId: deliveryLines.deliveryId,
      supplier: deliveries.supplier,
    })
    .from(deliveryReplacements)
    .innerJoin(configurationItems, eq(configurationItems.id, deliveryReplacements.ciId))
    .innerJoin(deliveryLines, eq(deliveryLines.id, deliveryReplacements.lineId))
    .innerJoin(deliveries, eq(deliveries.id, deliveryLines.deliveryId))
    .where(eq(deliveries.establishmentId, establishmentId))
    .orderBy(asc(configurationItems.room), asc(configurationItems.name));
}

/** Ids of the items a delivery's check created, per line. */
export function itemsOfDelivery(db: Executor, deliveryId: string) {
  return db
    .select({
      lineId: deliveryItems.lineId,
      ciId: deliveryItems.ciId,
      name: configurationItems.name,
      serialNumber: configurationItems.serialNumber,
    })
    .from(deliveryItems)
    .innerJoin(deliveryLines, eq(deliveryLines.id, deliveryItems.lineId))
    .innerJoin(configurationItems, eq(configurationItems.id, deliveryItems.ciId))
    .where(eq(deliveryLines.deliveryId, deliveryId))
    .orderBy(asc(configurationItems.name));
}

/** The school's active staff to tell of a delivery (its head, CSL, secretary…). */
export function schoolStaffToMail(db: Executor, establishmentId: string) {
  return db
    .select({ id: users.id, name: users.name, email: sql<string>`coalesce(${users.notificationEmail}, ${users.email})` })
    .from(users)
    .innerJoin(userEstablishments, eq(userEstablishments.userId, users.id))
    .where(
      and(eq(userEstablishments.establishmentId, establishmentId), isNull(users.disabledAt), inArray(users.role, ["requester", "manager"])),
    )
    .orderBy(asc(users.email));
}
