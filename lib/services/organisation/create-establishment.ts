import { storedText } from "@/i18n/text";
import { database } from "@/db/client";
import { establishments, teams } from "@/db/schema";
import { zoneIdByCode } from "@/db/queries/zones";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { schoolQueueCode } from "@/lib/domain/team-codes";
import type { CreateEstablishmentInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN, invalidField } from "./shared";

/** A new school, with its own queue (ETAB-<UAI>) as the seed gives every school. */
export async function createEstablishment(
  caller: Caller,
  input: CreateEstablishmentInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ id: string; uai: string }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const zoneId = await zoneIdByCode(tx, input.zone);
    if (!zoneId) return invalidField("zone", "establishments.errors.unknownZone");
    const { zone: _zone, ...fields } = input;
    const [created] = await tx
      .insert(establishments)
      .values({ ...fields, zoneId, createdAt: now, updatedAt: now, updatedById: caller.id })
      .onConflictDoNothing({ target: establishments.uai })
      .returning({ id: establishments.id });
    if (!created) return fail({ kind: "conflict", message: "establishments.errors.uaiTaken", values: { uai: input.uai } });
    await tx
      .insert(teams)
      .values({
        code: schoolQueueCode(input.uai),
        name: storedText("establishments.schoolQueue.name", { name: input.name }),
        party: "school",
        scope: storedText("establishments.schoolQueue.scope"),
        establishmentId: created.id,
      })
      .onConflictDoNothing({ target: teams.code });
    await recordAudit(tx, actor, { action: "establishment.created", objectType: "establishment", objectId: created.id, after: input });
    return succeed({ id: created.id, uai: input.uai });
  });
}
