import { database } from "@/db/client";
import { teamsWithMembers } from "@/db/queries/organisation";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";

/** The Région's, Académie's and vendors' teams with their members (schools' own queues excepted): for support staff; null for school staff. */
export function listTeams(caller: Caller, code?: string) {
  if (!can(caller, "desk.use")) return null;
  return teamsWithMembers(database(), code);
}
