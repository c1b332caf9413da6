import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, services, teams, zones } from "@/db/schema";

/** Every school with its zone: reference data a dashboard resolves its scope from (tens to a few hundred rows). */
export function allEstablishments(db: Executor) {
  return db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      type: establishments.type,
      city: establishments.city,
      zoneId: establishments.zoneId,
      zoneCode: zones.code,
      zoneName: zones.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .orderBy(asc(establishments.name));
}

export function allZones(db: Executor) {
  return db.select({ id: zones.id, code: zones.code, name: zones.name }).from(zones).orderBy(asc(zones.name));
}

export function allTeams(db: Executor) {
  return db
    .select({ id: teams.id, code: teams.code, name: teams.name, party: teams.party, zoneId: teams.zoneId })
    .from(teams)
    .orderBy(asc(teams.name));
}

export function allServices(db: Executor) {
  return db
    .select({ id: services.id, code: services.code, name: services.name, position: services.position })
    .from(services)
    .orderBy(asc(services.position));
}
