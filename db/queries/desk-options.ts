import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams, users, vendors } from "@/db/schema";

/**
 * The Région's, Académie's and vendors' teams, by name: what a ticket may be moved or escalated to.
 * Schools' own queues (one per school) are left out: routing puts a school's tasks there itself.
 */
export function workingTeams(db: Executor) {
  return db
    .select({ code: teams.code, name: teams.name, party: teams.party, vendorName: vendors.name })
    .from(teams)
    .leftJoin(vendors, eq(vendors.id, teams.vendorId))
    .where(ne(teams.party, "school"))
    .orderBy(asc(teams.name));
}

/** The active members of one team, by name. */
export function activeTeamMembers(db: Executor, teamId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
}
