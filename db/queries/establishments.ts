import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { establishmentReferents, establishments, roomSupportModes, zones } from "@/db/schema";
import { preparedStatement } from "./prepared";

export type EstablishmentScope = { kind: "all" } | { kind: "ids"; ids: string[] };
export type EstablishmentCursor = { name: string; id: string };

export type EstablishmentListItem = {
  id: string;
  uai: string;
  name: string;
  type: string;
  city: string;
  departement: string;
  supportMode: "normal" | "ouvert" | "hors_perimetre";
  zone: { code: string; name: string };
};

/** One keyset page of schools, sorted by name, within what the caller may see. */
export async function listEstablishments(
  db: Database,
  options: { scope: EstablishmentScope; zoneCode?: string; q?: string; after?: EstablishmentCursor; limit: number },
): Promise<{ items: EstablishmentListItem[]; next: EstablishmentCursor | null }> {
  const filters: (SQL | undefined)[] = [];
  if (options.scope.kind === "ids")
    filters.push(inArray(establishments.id, options.scope.ids.length ? options.scope.ids : ["00000000-0000-0000-0000-000000000000"]));
  if (options.zoneCode) filters.push(eq(zones.code, options.zoneCode));
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    filters.push(or(ilike(establishments.name, pattern), ilike(establishments.city, pattern), ilike(establishments.uai, pattern)));
  }
  if (options.after) {
    filters.push(
      or(
        gt(establishments.name, options.after.name),
        and(eq(establishments.name, options.after.name), gt(establishments.id, options.after.id)),
      ),
    );
  }
  const rows = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      type: establishments.type,
      city: establishments.city,
      departement: establishments.departement,
      supportMode: establishments.supportMode,
      zoneCode: zones.code,
      zoneName: zones.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(and(...filters))
    .orderBy(asc(establishments.name), asc(establishments.id))
    .limit(options.limit + 1);

  const { items, next } = keysetPage(rows, options.limit, (last) => ({ name: last.name, id: last.id }));
  return { items: items.map(({ zoneCode, zoneName, ...row }) => ({ ...row, zone: { code: zoneCode, name: zoneName } })), next };
}

export async function establishmentByUai(db: Executor, uai: string) {
  const [row] = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      supportMode: establishments.supportMode,
      zoneId: establishments.zoneId,
    })
    .from(establishments)
    .where(eq(establishments.uai, uai));
  return row ?? null;
}

/** A school with its zone's name, as a page heading shows it. */
export async function establishmentHeading(db: Executor, uai: string) {
  const [row] = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      type: establishments.type,
      city: establishments.city,
      zoneId: establishments.zoneId,
      zone: zones.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(eq(establishments.uai, uai));
  return row ?? null;
}

/** Some schools' UAIs and names, by name (a picker's choices). */
export function schoolChoices(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ uai: establishments.uai, name: establishments.name })
    .from(establishments)
    .where(inArray(establishments.id, ids))
    .orderBy(asc(establishments.name));
}

/** The schools among those UAIs (an unknown one is left out). */
export function schoolsByUai(db: Executor, uais: readonly string[]) {
  if (!uais.length) return Promise.resolve([]);
  return db
    .select({ id: establishments.id, uai: establishments.uai, zoneId: establishments.zoneId })
    .from(establishments)
    .where(inArray(establishments.uai, [...uais]));
}

/** The schools' names by id. */
export async function schoolNamesById(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: establishments.id, name: establishments.name })
    .from(establishments)
    .where(inArray(establishments.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

type DeclaredRoom = Awaited<ReturnType<typeof declaredRooms>>[number];

/** The rooms of a school declared with their own support mode. */
export function declaredRooms(db: Executor, establishmentId: string) {
  return declaredRoomsStatement(db).execute({ establishmentId });
}

const declaredRoomsStatement = preparedStatement((db) =>
  db
    .select({ room: roomSupportModes.room, supportMode: roomSupportModes.supportMode })
    .from(roomSupportModes)
    .where(eq(roomSupportModes.establishmentId, sql.placeholder("establishmentId")))
    .prepare("declared_rooms"),
);

/**
 * The school a ticket is filed for, by UAI: what `establishmentByUai` reads, what the router reads of it
 * (`schoolRoutingFacts`), its referents (`schoolReferents`) and its declared rooms (`declaredRooms`), in one
 * statement; null when there is none.
 */
export async function schoolForFiling(db: Executor, uai: string) {
  const [row] = await schoolForFilingStatement(db).execute({ uai });
  if (!row) return null;
  const { departement, type, zone, referentId, backupId, declaredRooms, ...school } = row;
  return {
    ...school,
    routing: { uai: row.uai, zone, departement, type, supportMode: row.supportMode },
    referents: referentId ? { referentId, backupId } : null,
    declaredRooms,
  };
}

const schoolForFilingStatement = preparedStatement((db) =>
  db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      supportMode: establishments.supportMode,
      zoneId: establishments.zoneId,
      zone: zones.code,
      departement: establishments.departement,
      type: establishments.type,
      referentId: establishmentReferents.referentId,
      backupId: establishmentReferents.backupId,
      declaredRooms: sql<
        DeclaredRoom[]
      >`coalesce((select json_agg(json_build_object('room', ${roomSupportModes.room}, 'supportMode', ${roomSupportModes.supportMode}))
        from ${roomSupportModes} where ${roomSupportModes.establishmentId} = ${establishments.id}), '[]'::json)`,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .leftJoin(establishmentReferents, eq(establishmentReferents.establishmentId, establishments.id))
    .where(eq(establishments.uai, sql.placeholder("uai")))
    .prepare("school_for_filing"),
);
