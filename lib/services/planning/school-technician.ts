import { database } from "@/db/client";
import { establishmentByUai, schoolChoices } from "@/db/queries/establishments";
import type { Caller } from "@/lib/domain/caller";
import { canSeeEstablishment } from "@/lib/domain/permissions";
import type { SchoolTechnician } from "@/lib/presentation/planning-views";
import { readReferents } from "./referents";
import { nextSchoolVisits } from "./ticket-visits";

/** What a school sees of its technician: referent, backup and the next planned visit (Mon établissement, home). */
export async function schoolTechnician(caller: Caller, uai: string, now: Date): Promise<SchoolTechnician | null> {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canSeeEstablishment(caller, school.id)) return null;
  const [referents, [nextVisit]] = await Promise.all([readReferents(caller, uai), nextSchoolVisits(db, school.id, null, now, 1)]);
  return { ...referents!, nextVisit: nextVisit ?? null };
}

/** The same for each of the caller's own schools (school staff's home page). */
export async function ownSchoolsTechnicians(caller: Caller, now: Date): Promise<SchoolTechnician[]> {
  if (!caller.establishmentIds.length) return [];
  const schools = await schoolChoices(database(), caller.establishmentIds);
  const summaries = await Promise.all(schools.map((school) => schoolTechnician(caller, school.uai, now)));
  return summaries.filter((summary): summary is SchoolTechnician => summary !== null);
}
