import { asc, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { zones } from "@/db/schema";

export function listZones(db: Database) {
  return db.select({ code: zones.code, name: zones.name }).from(zones).orderBy(asc(zones.name));
}

/** A zone's id by its code, or null. */
export async function zoneIdByCode(db: Executor, code: string): Promise<string | null> {
  const [zone] = await db.select({ id: zones.id }).from(zones).where(eq(zones.code, code));
  return zone?.id ?? null;
}
