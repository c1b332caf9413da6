import { and, eq, isNull } from "drizzle-orm";
import { database } from "@/db/client";
import { teamMembers, teams, userEstablishments, users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";

/** The caller behind a user id, with the schools and teams that scope what they see; null if disabled or gone. */
export async function loadCaller(userId: string): Promise<Caller | null> {
  const db = database();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, zoneId: users.zoneId })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const [schools, teamRows] = await Promise.all([
    db.select({ id: userEstablishments.establishmentId }).from(userEstablishments).where(eq(userEstablishments.userId, userId)),
    db.select({ id: teamMembers.teamId, zoneId: teams.zoneId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId)),
  ]);
  const zoneIds = new Set([user.zoneId, ...teamRows.map((row) => row.zoneId)].filter((id): id is string => id !== null));
  return { ...user, establishmentIds: schools.map((row) => row.id), teamIds: teamRows.map((row) => row.id), zoneIds: [...zoneIds] };
}
