import { and, asc, count, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { configurationItems, establishments, zones } from "@/db/schema";
import type { CiReadScope } from "@/lib/domain/ci-access";
import { REGION_WARRANTY_YEARS } from "@/lib/domain/ci-lifecycle";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";

export type CiCursor = { name: string; id: string };
export type WarrantyFilter = "under" | "expired" | "unknown";

export type CiListFilters = {
  scope: CiReadScope;
  establishmentUai?: string;
  zoneCode?: string;
  class?: CiClass;
  status?: CiStatus;
  building?: string;
  room?: string;
  q?: string;
  /** Only the renewal candidates. */
  renewal?: true;
  warranty?: WarrantyFilter;
  ids?: string[];
  /** The day and renewal age the lifecycle filters are computed for (lib/domain/ci-lifecycle.ts). */
  today: string;
  renewalAgeYears: number;
  after?: CiCursor;
  limit: number;
};

const ci = configurationItems;
const start = sql`coalesce(${ci.deliveryDate}, ${ci.purchaseDate})`;

/** lib/domain/ci-lifecycle.ts's warranty rule, as SQL: the override, else the Région's years for the class from the start date. */
function warrantyEnd(): SQL {
  const rules = Object.entries(REGION_WARRANTY_YEARS).map(([ciClass, years]) =>
    sql`when ${ci.funding} = 'region' and ${ci.class} = ${ciClass}::ci_class then (${start} + make_interval(years => ${years}::int))::date`);
  return sql`coalesce(${ci.warrantyEndOverride}, case ${sql.join(rules, sql` `)} end)`;
}

/** lifecycleOf().renewalCandidate, as SQL: obsolete, or not under a known warranty and at least the renewal age; never disposed. */
function renewalCandidate(today: string, years: number): SQL {
  const end = warrantyEnd();
  return sql`(${ci.status} <> 'disposed' and (${ci.status} = 'obsolete' or ((${end} is null or ${end} < ${today}::date)
    and ${start} is not null and (${start} + make_interval(years => ${years}::int))::date <= ${today}::date)))`;
}

function warrantyCondition(filter: WarrantyFilter, today: string): SQL {
  const end = warrantyEnd();
  if (filter === "under") return sql`${end} >= ${today}::date`;
  if (filter === "expired") return sql`${end} < ${today}::date`;
  return sql`${end} is null`;
}

/** Escapes LIKE's wildcards: the text is looked for as typed. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export function scopeCondition(scope: CiReadScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  return scope.ids.length ? inArray(ci.establishmentId, scope.ids) : sql`false`;
}

function conditions(filters: Omit<CiListFilters, "after" | "limit">): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [scopeCondition(filters.scope)];
  if (filters.establishmentUai) where.push(eq(establishments.uai, filters.establishmentUai));
  if (filters.zoneCode) where.push(eq(zones.code, filters.zoneCode));
  if (filters.class) where.push(eq(ci.class, filters.class));
  if (filters.status) where.push(eq(ci.status, filters.status));
  if (filters.building) where.push(eq(ci.building, filters.building));
  if (filters.room) where.push(eq(ci.room, filters.room));
  if (filters.ids) where.push(filters.ids.length ? inArray(ci.id, filters.ids) : sql`false`);
  // The generated search column is trigram-indexed (migration 0007): a part of a serial number finds the machine.
  if (filters.q) where.push(ilike(ci.searchText, containing(filters.q)));
  if (filters.renewal) where.push(renewalCandidate(filters.today, filters.renewalAgeYears));
  if (filters.warranty) where.push(warrantyCondition(filters.warranty, filters.today));
  return where;
}

export const ciListColumns = {
  id: ci.id, name: ci.name, class: ci.class, status: ci.status, criticality: ci.criticality, building: ci.building, room: ci.room,
  brand: ci.brand, model: ci.model, serialNumber: ci.serialNumber, assetNumber: ci.assetNumber, regionNumber: ci.regionNumber,
  purchaseDate: ci.purchaseDate, deliveryDate: ci.deliveryDate, warrantyEndOverride: ci.warrantyEndOverride, funding: ci.funding,
  maintainerId: ci.maintainerId, parentId: ci.parentId, attributes: ci.attributes, notes: ci.notes, updatedAt: ci.updatedAt,
  establishment: { uai: establishments.uai, name: establishments.name },
};

/** A keyset page of configuration items by name, within the caller's scope, for lists, pickers and exports. */
export async function listCis(db: Executor, filters: CiListFilters) {
  const where = conditions(filters);
  if (filters.after) where.push(sql`(${ci.name}, ${ci.id}) > (${filters.after.name}, ${filters.after.id}::uuid)`);
  let query = db.select(ciListColumns).from(ci).innerJoin(establishments, eq(establishments.id, ci.establishmentId)).$dynamic();
  if (filters.zoneCode) query = query.innerJoin(zones, eq(zones.id, establishments.zoneId));
  const rows = await query.where(and(...where)).orderBy(asc(ci.name), asc(ci.id)).limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { items: page, next: rows.length > filters.limit && last ? { name: last.name, id: last.id } : null };
}

export type CiListRow = Awaited<ReturnType<typeof listCis>>["items"][number];

/** How many items a filtered list holds (a school's renewal candidates…). */
export async function countCis(db: Executor, filters: Omit<CiListFilters, "after" | "limit">): Promise<number> {
  let query = db.select({ n: count() }).from(ci).innerJoin(establishments, eq(establishments.id, ci.establishmentId)).$dynamic();
  if (filters.zoneCode) query = query.innerJoin(zones, eq(zones.id, establishments.zoneId));
  const [row] = await query.where(and(...conditions(filters)));
  return row?.n ?? 0;
}

/** The ids of every item a filtered list shows (bounded), for a bulk change over "all the items of this list". */
export async function ciIdsMatching(db: Executor, filters: Omit<CiListFilters, "after" | "limit">, max: number): Promise<string[]> {
  let query = db.select({ id: ci.id }).from(ci).innerJoin(establishments, eq(establishments.id, ci.establishmentId)).$dynamic();
  if (filters.zoneCode) query = query.innerJoin(zones, eq(zones.id, establishments.zoneId));
  return (await query.where(and(...conditions(filters))).orderBy(asc(ci.name), asc(ci.id)).limit(max)).map((row) => row.id);
}
