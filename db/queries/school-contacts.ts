import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, staffFunctions, teams, userEstablishments, users } from "@/db/schema";

/**
 * Whom a school's staff can turn to: their schools' active staff (head, CSL…) with their function, e-mail and
 * phone, and the Région's teams serving each school's zone.
 */
export async function schoolContacts(db: Executor, establishmentIds: string[]) {
  if (establishmentIds.length === 0) return { staff: [], teams: [] };
  const [staff, zoneTeams] = await Promise.all([
    db
      .selectDistinctOn([users.id], {
        id: users.id,
        name: users.name,
        role: users.role,
        email: users.email,
        phone: users.phone,
        functionLabel: staffFunctions.label,
      })
      .from(users)
      .innerJoin(userEstablishments, eq(userEstablishments.userId, users.id))
      .leftJoin(staffFunctions, eq(staffFunctions.code, users.functionCode))
      .where(and(inArray(userEstablishments.establishmentId, establishmentIds), isNull(users.disabledAt)))
      .orderBy(asc(users.id)),
    db
      .selectDistinct({ code: teams.code, name: teams.name })
      .from(teams)
      .innerJoin(establishments, eq(establishments.zoneId, teams.zoneId))
      .where(and(inArray(establishments.id, establishmentIds), eq(teams.party, "region")))
      .orderBy(asc(teams.name)),
  ]);
  // Heads first, then by name: who decides, then who helps.
  staff.sort((a, b) => Number(b.role === "manager") - Number(a.role === "manager") || a.name.localeCompare(b.name, "fr"));
  return { staff, teams: zoneTeams };
}
