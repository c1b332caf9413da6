import { isAbsent, type Absence } from "./visit-planning";

export type SchoolReferents = { referentId: string; backupId: string | null };

export type ReferentAssignment =
  { assigneeId: string; reason: "referent" | "backup" } | { assigneeId: null; reason: "no_referent" | "unavailable" };

/**
 * "Assigner au référent de l'établissement": the school's referent; the backup when the referent is away
 * that day; else nobody (the ticket waits in the team's queue). Only a member of the team the rule chose can
 * hold the ticket (as on the desk), so a referent outside it counts as unavailable. `today` is the Paris
 * date of filing.
 */
export function referentAssignee(
  referents: SchoolReferents | null,
  facts: { absences: readonly Absence[]; teamMemberIds: readonly string[]; today: string },
): ReferentAssignment {
  if (!referents) return { assigneeId: null, reason: "no_referent" };
  const available = (userId: string) => facts.teamMemberIds.includes(userId) && !isAbsent(facts.absences, userId, facts.today);
  if (available(referents.referentId)) return { assigneeId: referents.referentId, reason: "referent" };
  if (referents.backupId && available(referents.backupId)) return { assigneeId: referents.backupId, reason: "backup" };
  return { assigneeId: null, reason: "unavailable" };
}
