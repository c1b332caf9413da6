import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  categories,
  ciHistory,
  ciInstallations,
  configurationItems,
  establishments,
  ticketCis,
  tickets,
  users,
  vendors,
} from "@/db/schema";
import type { TicketScope } from "@/lib/domain/ticket-visibility";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { ciListColumns } from "./ci-list";
import { scopeCondition as ticketScopeCondition } from "./ticket-list";

const ci = configurationItems;

/** One item with its school (for the access rules), its maintainer's name and its parent. */
export async function ciById(db: Executor, id: string) {
  const parent = alias(ci, "parent");
  const [row] = await db
    .select({
      ...ciListColumns,
      establishmentId: ci.establishmentId,
      zoneId: establishments.zoneId,
      createdAt: ci.createdAt,
      maintainer: vendors.name,
      parent: { id: parent.id, name: parent.name, class: parent.class, status: parent.status },
    })
    .from(ci)
    .innerJoin(establishments, eq(establishments.id, ci.establishmentId))
    .leftJoin(vendors, eq(vendors.id, ci.maintainerId))
    .leftJoin(parent, eq(parent.id, ci.parentId))
    .where(eq(ci.id, id));
  if (!row) return null;
  return { ...row, parent: row.parent?.id ? row.parent : null };
}

export type CiRecord = NonNullable<Awaited<ReturnType<typeof ciById>>>;

/** The ids up the parent chain from `id` (nearest first), as stored; a loop already stored stops the walk. */
export async function ancestorIds(db: Executor, id: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE chain(id, parent_id, depth, path) AS (
      SELECT id, parent_id, 0, ARRAY[id] FROM configuration_items WHERE id = ${id}
      UNION ALL
      SELECT p.id, p.parent_id, c.depth + 1, c.path || p.id FROM chain c JOIN configuration_items p ON p.id = c.parent_id
      WHERE NOT p.id = ANY(c.path) AND c.depth < 64
    )
    SELECT id FROM chain WHERE depth > 0 ORDER BY depth`);
  return result.rows.map((row) => row.id);
}

/** Everything below `id` (children, their children…), bounded. */
export function descendantIds(db: Executor, id: string) {
  return db
    .execute<{ id: string }>(
      sql`
    WITH RECURSIVE below(id, depth, path) AS (
      SELECT id, 1, ARRAY[id] FROM configuration_items WHERE parent_id = ${id}
      UNION ALL
      SELECT c.id, b.depth + 1, b.path || c.id FROM below b JOIN configuration_items c ON c.parent_id = b.id
      WHERE NOT c.id = ANY(b.path) AND b.depth < 64
    )
    SELECT DISTINCT id FROM below LIMIT 20000`,
    )
    .then((result) => result.rows.map((row) => row.id));
}

export function childrenOf(db: Executor, id: string, limit: number) {
  return db
    .select({ id: ci.id, name: ci.name, class: ci.class, status: ci.status, room: ci.room, model: ci.model })
    .from(ci)
    .where(eq(ci.parentId, id))
    .orderBy(asc(ci.name), asc(ci.id))
    .limit(limit);
}

export async function childCount(db: Executor, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ci).where(eq(ci.parentId, id));
  return row?.n ?? 0;
}

/** Software installed on an item, or, for a software, the items it is installed on. */
export function installationsOf(db: Executor, id: string, side: "host" | "software", limit: number) {
  const other = side === "host" ? ciInstallations.softwareId : ciInstallations.ciId;
  const self = side === "host" ? ciInstallations.ciId : ciInstallations.softwareId;
  return db
    .select({ id: ci.id, name: ci.name, class: ci.class, version: ciInstallations.version })
    .from(ciInstallations)
    .innerJoin(ci, eq(ci.id, other))
    .where(eq(self, id))
    .orderBy(asc(ci.name))
    .limit(limit);
}

/** Tickets naming any of `ciIds` that the caller may see; open ones or the others, newest first. */
export function ticketsOnCis(db: Executor, options: { ciIds: string[]; scope: TicketScope; open: boolean; limit: number }) {
  if (!options.ciIds.length) return Promise.resolve([]);
  const openCondition = options.open
    ? inArray(tickets.status, [...OPEN_STATUSES])
    : sql`not ${inArray(tickets.status, [...OPEN_STATUSES])}`;
  return db
    .selectDistinctOn([tickets.createdAt, tickets.id], {
      id: tickets.id,
      reference: tickets.reference,
      title: tickets.title,
      type: tickets.type,
      status: tickets.status,
      priority: tickets.priority,
      createdAt: tickets.createdAt,
      category: categories.name,
      ci: { id: ci.id, name: ci.name },
    })
    .from(ticketCis)
    .innerJoin(tickets, eq(tickets.id, ticketCis.ticketId))
    .innerJoin(ci, eq(ci.id, ticketCis.ciId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .where(and(inArray(ticketCis.ciId, options.ciIds), openCondition, ticketScopeCondition(options.scope)))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(options.limit);
}

export function historyOf(db: Executor, id: string, limit: number) {
  return db
    .select({ id: ciHistory.id, source: ciHistory.source, changes: ciHistory.changes, createdAt: ciHistory.createdAt, author: users.name })
    .from(ciHistory)
    .leftJoin(users, eq(users.id, ciHistory.authorId))
    .where(eq(ciHistory.ciId, id))
    .orderBy(desc(ciHistory.createdAt), desc(ciHistory.id))
    .limit(limit);
}
