import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";

/** A team by its code, or null: its party, and the school or vendor whose queue it is. */
export async function teamByCode(db: Executor, code: string) {
  const [team] = await db
    .select({ id: teams.id, code: teams.code, name: teams.name, party: teams.party, establishmentId: teams.establishmentId, vendorId: teams.vendorId })
    .from(teams).where(eq(teams.code, code));
  return team ?? null;
}

/** The teams a person belongs to, with each team's zone. */
export function membershipsOf(db: Executor, userId: string) {
  return db.select({ teamId: teamMembers.teamId, zoneId: teams.zoneId }).from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(eq(teamMembers.userId, userId));
}
