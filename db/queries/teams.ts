import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";

/** A team by its code, or null: its party, and the school or vendor whose queue it is. */
export async function teamByCode(db: Executor, code: string) {
  const [team] = await db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      party: teams.party,
      establishmentId: teams.establishmentId,
      vendorId: teams.vendorId,
    })
    .from(teams)
    .where(eq(teams.code, code));
  return team ?? null;
}

/** The teams a person belongs to, with each team's zone. */
export function membershipsOf(db: Executor, userId: string) {
  return db
    .select({ teamId: teamMembers.teamId, zoneId: teams.zoneId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId));
}

/** The teams among those codes (an unknown one is left out). */
export function teamsByCode(db: Executor, codes: readonly string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .select({ id: teams.id, code: teams.code, name: teams.name })
    .from(teams)
    .where(inArray(teams.code, [...codes]));
}

/** The ids of the schools' own queues. */
export async function schoolQueueIds(db: Executor, establishmentIds: string[]): Promise<string[]> {
  if (!establishmentIds.length) return [];
  return (await db.select({ id: teams.id }).from(teams).where(inArray(teams.establishmentId, establishmentIds))).map((row) => row.id);
}

/** A team's members by e-mail, and which of them has it as primary team. */
export function teamMemberEmails(db: Executor, teamId: string) {
  return db
    .select({ email: users.email, primary: teamMembers.isPrimary })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.email));
}
