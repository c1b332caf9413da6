import { database } from "@/db/client";
import { teamsPage, teamWithMembers, type TeamCursor } from "@/db/queries/organisation";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";

/**
 * One keyset page of the Région's, Académie's and vendors' teams with their members (schools' own queues excepted), by
 * code: for support staff; null for school staff.
 */
export function listTeams(caller: Caller, options: { q?: string; after?: TeamCursor; limit: number }) {
  if (!can(caller, "desk.use")) return null;
  return teamsPage(database(), options);
}

/** One of those teams with its members, or null (unknown, a school's queue, or school staff asking). */
export async function readTeam(caller: Caller, code: string) {
  if (!can(caller, "desk.use")) return null;
  return teamWithMembers(database(), code);
}
