import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { configurationItems, establishments } from "@/db/schema";
import type { CiClass, CiStatus } from "@/lib/domain/vocabulary";

export type CiCursor = { name: string; id: string };

/** A keyset page of configuration items by name, for pickers and lists; `q` matches name, serial, model or room. */
export async function listCis(
  db: Executor,
  filters: { establishmentIds: string[] | "all"; establishmentUai?: string; class?: CiClass; status?: CiStatus; q?: string; after?: CiCursor; limit: number },
) {
  const conditions: (SQL | undefined)[] = [];
  if (filters.establishmentIds !== "all") {
    conditions.push(filters.establishmentIds.length ? inArray(configurationItems.establishmentId, filters.establishmentIds) : sql`false`);
  }
  if (filters.establishmentUai) conditions.push(eq(establishments.uai, filters.establishmentUai));
  if (filters.class) conditions.push(eq(configurationItems.class, filters.class));
  if (filters.status) conditions.push(eq(configurationItems.status, filters.status));
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(
      ilike(configurationItems.name, pattern), ilike(configurationItems.serialNumber, pattern),
      ilike(configurationItems.model, pattern), ilike(configurationItems.room, pattern),
    ));
  }
  if (filters.after) {
    conditions.push(or(gt(configurationItems.name, filters.after.name), and(eq(configurationItems.name, filters.after.name), gt(configurationItems.id, filters.after.id))));
  }
  const rows = await db
    .select({
      id: configurationItems.id, name: configurationItems.name, class: configurationItems.class, status: configurationItems.status,
      room: configurationItems.room, brand: configurationItems.brand, model: configurationItems.model, serialNumber: configurationItems.serialNumber,
      establishment: { uai: establishments.uai, name: establishments.name },
    })
    .from(configurationItems)
    .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
    .where(and(...conditions))
    .orderBy(asc(configurationItems.name), asc(configurationItems.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { items: page, next: rows.length > filters.limit && last ? { name: last.name, id: last.id } : null };
}
