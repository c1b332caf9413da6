import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { calendarClosures, referenceVersion, teams } from "@/db/schema";
import { preparedStatement } from "./prepared";

/** The committed version of the cached reference data (migration 0034 bumps it on every write). */
export async function currentReferenceVersion(db: Executor): Promise<number> {
  const [row] = await referenceVersionStatement(db).execute();
  return row?.version ?? 0;
}

const referenceVersionStatement = preparedStatement((db) =>
  db
    .select({ version: referenceVersion.version })
    .from(referenceVersion)
    .where(eq(referenceVersion.singleton, true))
    .prepare("reference_version"),
);

/** Every team as routing and the SLA read it: code and name, weekly hours and escalation ladder. */
export function teamsForReference(db: Executor) {
  return db
    .select({ id: teams.id, code: teams.code, name: teams.name, weeklyHours: teams.weeklyHours, escalationLevels: teams.escalationLevels })
    .from(teams);
}

/** Every calendar closure (a few per team and year), by start date. */
export function closuresForReference(db: Executor) {
  return db
    .select({
      teamId: calendarClosures.teamId,
      from: calendarClosures.fromDate,
      to: calendarClosures.toDate,
      label: calendarClosures.label,
    })
    .from(calendarClosures)
    .orderBy(asc(calendarClosures.fromDate));
}
