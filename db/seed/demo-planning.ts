import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishmentReferents, establishments, users, visitSchedule } from "@/db/schema";
import type { HalfDay } from "@/lib/domain/visit-planning";

/**
 * Demo schools' referents (seed 003: an STIL agent per school, about three schools each). Choiseul and Palissy,
 * where the demo CSLs file, are left for the sector lead to set (the tour starts there): with a referent, their
 * tickets would be assigned at filing instead of waiting in the team's queue as the desk's demo expects.
 */
const DEMO_REFERENTS: Array<{ uai: string; referent: string }> = [
  { uai: "0371099U", referent: "tech.ouest@guichet.test" },
  { uai: "0410030K", referent: "tech.ouest@guichet.test" },
  { uai: "0450782F", referent: "tech.est@guichet.test" },
  { uai: "0450051L", referent: "tech.est@guichet.test" },
];

/** Their default weeks ("planning hebdomadaire par défaut"): which school on which half-day. */
const DEMO_WEEKS: Array<{ technician: string; weekday: number; halfDay: HalfDay; uai: string }> = [
  { technician: "tech.ouest@guichet.test", weekday: 1, halfDay: "am", uai: "0371099U" },
  { technician: "tech.ouest@guichet.test", weekday: 2, halfDay: "am", uai: "0370037P" },
  { technician: "tech.ouest@guichet.test", weekday: 3, halfDay: "am", uai: "0410030K" },
  { technician: "tech.ouest@guichet.test", weekday: 4, halfDay: "pm", uai: "0370037P" },
  { technician: "tech.est@guichet.test", weekday: 1, halfDay: "pm", uai: "0450029M" },
  { technician: "tech.est@guichet.test", weekday: 2, halfDay: "am", uai: "0450782F" },
  { technician: "tech.est@guichet.test", weekday: 4, halfDay: "am", uai: "0450051L" },
  { technician: "tech.est@guichet.test", weekday: 5, halfDay: "am", uai: "0450029M" },
];

export async function seedDemoPlanning(tx: Executor): Promise<void> {
  const emails = [...new Set([...DEMO_REFERENTS.map((row) => row.referent), ...DEMO_WEEKS.map((row) => row.technician)])];
  const uais = [...new Set([...DEMO_REFERENTS.map((row) => row.uai), ...DEMO_WEEKS.map((row) => row.uai)])];
  const people = new Map(
    (await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((row) => [
      row.email,
      row.id,
    ]),
  );
  const schools = new Map(
    (await tx.select({ id: establishments.id, uai: establishments.uai }).from(establishments).where(inArray(establishments.uai, uais))).map(
      (row) => [row.uai, row.id],
    ),
  );
  await tx
    .insert(establishmentReferents)
    .values(DEMO_REFERENTS.map((row) => ({ establishmentId: schools.get(row.uai)!, referentId: people.get(row.referent)! })))
    .onConflictDoNothing();
  await tx
    .insert(visitSchedule)
    .values(
      DEMO_WEEKS.map((row) => ({
        technicianId: people.get(row.technician)!,
        weekday: row.weekday,
        halfDay: row.halfDay,
        establishmentId: schools.get(row.uai)!,
      })),
    )
    .onConflictDoNothing();
}
