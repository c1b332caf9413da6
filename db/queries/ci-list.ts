import { and, asc, count, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { configurationItems, establishments, zones } from "@/db/schema";
import { ciStartDate, ciWarrantyEnd } from "./ci-lifecycle-sql";
import type { CiReadScope } from "@/lib/domain/ci-access";
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

/** lifecycleOf().renewalCandidate, as SQL: obsolete, or not under a known warranty and at least the renewal age; never disposed. */
export function renewalCandidate(today: string, years: number): SQL {
  const end = ciWarrantyEnd();
  return sql`(${ci.status} <> 'disposed' and (${ci.status} = 'obsolete' or ((${end} is null or ${end} < ${today}::date)
    and ${ciStartDate} is not null and (${ciStartDate} + make_interval(years => ${years}::int))::date <= ${today}::date)))`;
}

function warrantyCondition(filter: WarrantyFilter, today: string): SQL {
  const end = ciWarrantyEnd();
  if (filter === "under") return sql`${end} >= ${today}::date`;
  if (filter === "expired") return sql`${end} < ${today}::date`;
  return sql`${end} is null`;
}

/** Escapes LIKE's wildcards: the text is looked for as typed. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** What narrows the list to items, on the items' own columns (the schools are handled apart). */
function itemConditions(filters: Omit<CiListFilters, "limit" | "scope" | "establishmentUai" | "zoneCode">): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [];
  if (filters.class) where.push(eq(ci.class, filters.class));
  if (filters.status) where.push(eq(ci.status, filters.status));
  if (filters.building) where.push(eq(ci.building, filters.building));
  if (filters.room) where.push(eq(ci.room, filters.room));
  if (filters.ids) where.push(filters.ids.length ? inArray(ci.id, filters.ids) : sql`false`);
  // The generated search column is trigram-indexed (migration 0007): a part of a serial number finds the machine.
  if (filters.q) where.push(ilike(ci.searchText, containing(filters.q)));
  if (filters.renewal) where.push(renewalCandidate(filters.today, filters.renewalAgeYears));
  if (filters.warranty) where.push(warrantyCondition(filters.warranty, filters.today));
  if (filters.after) where.push(sql`(${ci.name}, ${ci.id}) > (${filters.after.name}, ${filters.after.id}::uuid)`);
  return where;
}

/**
 * The schools a list is limited to: the caller's (school staff), the one asked for, a zone's; null for
 * every school. Worked out first, so each school's items are read from its own index (below).
 */
async function schoolsOf(db: Executor, filters: Pick<CiListFilters, "scope" | "establishmentUai" | "zoneCode">): Promise<string[] | null> {
  const where: (SQL | undefined)[] = [];
  if (filters.scope.kind === "establishments")
    where.push(filters.scope.ids.length ? inArray(establishments.id, filters.scope.ids) : sql`false`);
  if (filters.establishmentUai) where.push(eq(establishments.uai, filters.establishmentUai));
  if (filters.zoneCode) where.push(eq(zones.code, filters.zoneCode));
  if (!where.length) return null;
  const rows = await db
    .select({ id: establishments.id })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(and(...where));
  return rows.map((row) => row.id);
}

const itemColumns = {
  id: ci.id,
  name: ci.name,
  class: ci.class,
  status: ci.status,
  criticality: ci.criticality,
  building: ci.building,
  room: ci.room,
  brand: ci.brand,
  model: ci.model,
  serialNumber: ci.serialNumber,
  assetNumber: ci.assetNumber,
  regionNumber: ci.regionNumber,
  purchaseDate: ci.purchaseDate,
  deliveryDate: ci.deliveryDate,
  warrantyEndOverride: ci.warrantyEndOverride,
  funding: ci.funding,
  maintainerId: ci.maintainerId,
  parentId: ci.parentId,
  attributes: ci.attributes,
  notes: ci.notes,
  updatedAt: ci.updatedAt,
};

export const ciListColumns = { ...itemColumns, establishment: { uai: establishments.uai, name: establishments.name } };

/**
 * A keyset page of configuration items by name, within the caller's scope, for lists, pickers and exports.
 * Over a set of schools (a zone, a school's staff) each school's page is read from its own index and
 * PostgreSQL merges them (UNION ALL of per-school LIMITs): names start with the school's code, so one
 * scan by name across the zone would first wade through every other zone's items (bench/README.md).
 */
export async function listCis(db: Executor, filters: CiListFilters) {
  const schools = await schoolsOf(db, filters);
  if (schools && !schools.length) return { items: [], next: null };
  const where = itemConditions(filters);
  const page = (establishmentId?: string) =>
    db
      .select({ ...itemColumns, establishmentId: ci.establishmentId })
      .from(ci)
      .where(and(...where, establishmentId ? eq(ci.establishmentId, establishmentId) : undefined))
      .orderBy(asc(ci.name), asc(ci.id))
      .limit(filters.limit + 1);
  const [first, second, ...rest] = schools ?? [undefined];
  const rows =
    second === undefined
      ? await page(first)
      : await unionAll(page(first), page(second), ...rest.map((id) => page(id)))
          .orderBy(asc(ci.name), asc(ci.id))
          .limit(filters.limit + 1);
  const schoolIds = [...new Set(rows.map((row) => row.establishmentId))];
  const names = schoolIds.length
    ? new Map(
        (
          await db
            .select({ id: establishments.id, uai: establishments.uai, name: establishments.name })
            .from(establishments)
            .where(inArray(establishments.id, schoolIds))
        ).map((school) => [school.id, school]),
      )
    : new Map<string, { uai: string; name: string }>();
  const { items, next } = keysetPage(rows, filters.limit, (last) => ({ name: last.name, id: last.id }));
  return {
    items: items.map(({ establishmentId, ...row }) => {
      const school = names.get(establishmentId)!;
      return { ...row, establishment: { uai: school.uai, name: school.name } };
    }),
    next,
  };
}

export type CiListRow = Awaited<ReturnType<typeof listCis>>["items"][number];

/** How many items a filtered list holds (a school's renewal candidates…). */
export async function countCis(db: Executor, filters: Omit<CiListFilters, "after" | "limit">): Promise<number> {
  const schools = await schoolsOf(db, filters);
  if (schools && !schools.length) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(ci)
    .where(and(...itemConditions(filters), schools ? inArray(ci.establishmentId, schools) : undefined));
  return row?.n ?? 0;
}
