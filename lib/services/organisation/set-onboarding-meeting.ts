import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { establishments, onboardingMeetings } from "@/db/schema";
import { onboardingMeeting } from "@/db/queries/organisation";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { OnboardingMeetingInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN, invalidField } from "./shared";

/** Records one onboarding meeting of a school (RDV1 to RDV4): its planned and held dates and its notes. */
export async function setOnboardingMeeting(
  caller: Caller,
  input: OnboardingMeetingInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  if (input.heldOn && input.heldOn > now.toISOString().slice(0, 10)) return invalidField("heldOn", "establishments.errors.meetingInFuture");
  return database().transaction(async (tx) => {
    const [school] = await tx
      .update(establishments)
      .set({ updatedAt: now, updatedById: caller.id })
      .where(eq(establishments.uai, input.uai))
      .returning({ id: establishments.id });
    if (!school) return fail<null>({ kind: "not_found" });
    const values = { plannedOn: input.plannedOn ?? null, heldOn: input.heldOn ?? null, notes: input.notes ?? null, updatedAt: now };
    const before = await onboardingMeeting(tx, school.id, input.meeting);
    await tx
      .insert(onboardingMeetings)
      .values({ establishmentId: school.id, meeting: input.meeting, ...values })
      .onConflictDoUpdate({ target: [onboardingMeetings.establishmentId, onboardingMeetings.meeting], set: values });
    await recordAudit(tx, actor, {
      action: "onboarding.meeting_updated",
      objectType: "establishment",
      objectId: school.id,
      before: before ? { meeting: input.meeting, ...before } : null,
      after: { meeting: input.meeting, plannedOn: values.plannedOn, heldOn: values.heldOn, notes: values.notes },
    });
    return succeed(null);
  });
}
