import { announcementById, schoolPlaces } from "@/db/queries/announcements";
import { announcementEstablishments } from "@/db/schema";
import { announcementPhase, concernedSchools } from "@/lib/domain/announcements";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { refusableTransaction, refuse } from "../refusal";
import { fail, type ServiceResult } from "../service-result";

/**
 * "Mon établissement est concerné": links the caller's school to an announced incident instead of a new ticket; the
 * school then follows it and is mailed at its end. School staff only; 404 for an announcement that does not concern
 * their school; idempotent (the school is linked once, `created` says whether this call did it).
 */
export async function reportAffected(
  caller: Caller,
  announcementId: string,
  now: Date,
  uai?: string,
): Promise<ServiceResult<{ announcementId: string; establishment: string; created: boolean }>> {
  if (!can(caller, "announcements.report")) return fail({ kind: "forbidden", message: "announcements.errors.schoolsOnly" });
  return refusableTransaction(async (tx) => {
    const announcement = await announcementById(tx, announcementId);
    if (!announcement) refuse({ kind: "not_found" });
    const concerned = concernedSchools(announcement, await schoolPlaces(tx, caller.establishmentIds)).filter(
      (school) => !uai || school.uai === uai,
    );
    if (!concerned.length) refuse({ kind: "not_found" });
    if (concerned.length > 1)
      refuse({
        kind: "unprocessable",
        message: "announcements.errors.checkFields",
        errors: [{ field: "establishment", message: "announcements.errors.chooseSchool" }],
      });
    if (announcementPhase(announcement, now) === "ended") refuse({ kind: "conflict", message: "announcements.errors.ended" });
    const school = concerned[0]!;
    const created = await tx
      .insert(announcementEstablishments)
      .values({ announcementId, establishmentId: school.id, reportedById: caller.id, createdAt: now })
      .onConflictDoNothing()
      .returning({ establishmentId: announcementEstablishments.establishmentId });
    return { announcementId, establishment: school.uai, created: created.length > 0 };
  });
}
