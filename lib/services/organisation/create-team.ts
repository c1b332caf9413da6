import { database } from "@/db/client";
import { teams } from "@/db/schema";
import { zoneIdByCode } from "@/db/queries/zones";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { CreateTeamInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN, invalidField } from "./shared";
import { replaceMembers, resolveMembers } from "./team-members";

/** A new team with its members; its calendar and ladder are the defaults until set at /admin/calendriers. */
export async function createTeam(
  caller: Caller,
  input: CreateTeamInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ code: string }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const zoneId = input.zone ? await zoneIdByCode(tx, input.zone) : null;
    if (input.zone && !zoneId) return invalidField("zone", "establishments.errors.unknownZone");
    const members = await resolveMembers(tx, input.members);
    if (!members.ok) return fail<{ code: string }>(members.failure);
    const [created] = await tx
      .insert(teams)
      .values({ code: input.code, name: input.name, party: input.party, zoneId })
      .onConflictDoNothing({ target: teams.code })
      .returning({ id: teams.id });
    if (!created)
      return fail<{ code: string }>({ kind: "conflict", message: "establishments.errors.teamCodeTaken", values: { code: input.code } });
    await replaceMembers(tx, created.id, members.value, now);
    await recordAudit(tx, actor, { action: "team.created", objectType: "team", objectId: created.id, after: input });
    return succeed({ code: input.code });
  });
}
