import { database } from "@/db/client";
import { callerFacts, type CallerFacts } from "@/db/queries/users";
import type { Caller } from "@/lib/domain/caller";

/** The caller of an account read with its schools and teams: the zones it covers are the led zone and its teams'. */
export function callerOf(facts: CallerFacts): Caller {
  const { teams, ...user } = facts;
  const zoneIds = new Set([user.zoneId, ...teams.map((row) => row.zoneId)].filter((id): id is string => id !== null));
  return { ...user, teamIds: teams.map((row) => row.id), zoneIds: [...zoneIds] };
}

/** The caller behind a user id, with the schools and teams that scope what they see; null if disabled or gone. */
export async function loadCaller(userId: string): Promise<Caller | null> {
  const facts = await callerFacts(database(), userId);
  return facts ? callerOf(facts) : null;
}
