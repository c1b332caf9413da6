import { database } from "@/db/client";
import { callerFacts } from "@/db/queries/users";
import type { Caller } from "@/lib/domain/caller";

/** The caller behind a user id, with the schools and teams that scope what they see; null if disabled or gone. */
export async function loadCaller(userId: string): Promise<Caller | null> {
  const facts = await callerFacts(database(), userId);
  if (!facts) return null;
  const { user, establishmentIds, teams } = facts;
  const zoneIds = new Set([user.zoneId, ...teams.map((row) => row.zoneId)].filter((id): id is string => id !== null));
  return { ...user, establishmentIds, teamIds: teams.map((row) => row.id), zoneIds: [...zoneIds] };
}
