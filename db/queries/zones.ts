import { asc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { zones } from "@/db/schema";

export function listZones(db: Database) {
  return db.select({ code: zones.code, name: zones.name }).from(zones).orderBy(asc(zones.name));
}
