import { isAbsent, type Absence } from "./visit-planning";

export type SchoolReferents = { referentId: string; backupId: string | null };

export type ReferentAssignment =
  | { assigneeId: string; reason: "referent" | "backup" }
  | { assigneeId: null; reason: "no_referent" | "both_absent" | "referent_absent" };

/**
 * "Assigner au référent de l'établissement": the school's referent; the backup when the referent is
 * away that day; else nobody (the ticket waits in the team's queue). `today` is the Paris date of filing.
 */
export function referentAssignee(referents: SchoolReferents | null, absences: readonly Absence[], today: string): ReferentAssignment {
  if (!referents) return { assigneeId: null, reason: "no_referent" };
  if (!isAbsent(absences, referents.referentId, today)) return { assigneeId: referents.referentId, reason: "referent" };
  if (!referents.backupId) return { assigneeId: null, reason: "referent_absent" };
  if (!isAbsent(absences, referents.backupId, today)) return { assigneeId: referents.backupId, reason: "backup" };
  return { assigneeId: null, reason: "both_absent" };
}
