import { and, eq, isNull } from "drizzle-orm";
import { database } from "@/db/client";
import { teamMembers, userEstablishments, users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";

/** The caller behind a user id, with the schools and teams that scope what they see; null if disabled or gone. */
export async function loadCaller(userId: string): Promise<Caller | null> {
  const db = database();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, zoneId: users.zoneId })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const [schools, teams] = await Promise.all([
    db.select({ id: userEstablishments.establishmentId }).from(userEstablishments).where(eq(userEstablishments.userId, userId)),
    db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)),
  ]);
  return { ...user, establishmentIds: schools.map((row) => row.id), teamIds: teams.map((row) => row.id) };
}
