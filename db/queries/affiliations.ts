import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { establishments, teams, zones } from "@/db/schema";

/** The schools and teams a user is attached to, with names for display. */
export async function affiliationsOf(db: Database, user: { id: string; establishmentIds: string[]; teamIds: string[] }) {
  const [schools, teamRows] = await Promise.all([
    user.establishmentIds.length
      ? db
          .select({
            id: establishments.id,
            uai: establishments.uai,
            name: establishments.name,
            city: establishments.city,
            type: establishments.type,
            supportMode: establishments.supportMode,
            zoneName: zones.name,
          })
          .from(establishments)
          .innerJoin(zones, eq(zones.id, establishments.zoneId))
          .where(inArray(establishments.id, user.establishmentIds))
          .orderBy(asc(establishments.name))
      : Promise.resolve([]),
    user.teamIds.length
      ? db.select({ code: teams.code, name: teams.name }).from(teams).where(inArray(teams.id, user.teamIds)).orderBy(asc(teams.name))
      : Promise.resolve([]),
  ]);
  return { establishments: schools, teams: teamRows };
}
