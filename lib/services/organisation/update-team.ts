import { and, eq, isNull } from "drizzle-orm";
import { database } from "@/db/client";
import { teams, zones } from "@/db/schema";
import { zoneIdByCode } from "@/db/queries/zones";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import type { PatchTeamInput, TeamMemberInput } from "@/lib/schemas/organisation";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN, invalidField } from "./shared";
import { membersOf, replaceMembers, resolveMembers } from "./team-members";

/**
 * Changes a team (a school's own queue excepted: it follows its school). The patch is computed from the current
 * members, so adding or removing one person keeps everyone else; `members`, when given, is the whole list.
 */
async function changeTeam(
  caller: Caller,
  code: string,
  patchFrom: (members: TeamMemberInput[]) => PatchTeamInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ code: string }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  return database().transaction(async (tx) => {
    const [team] = await tx
      .select({ id: teams.id, name: teams.name, party: teams.party, zone: zones.code })
      .from(teams)
      .leftJoin(zones, eq(zones.id, teams.zoneId))
      .where(and(eq(teams.code, code), isNull(teams.establishmentId)))
      .for("update", { of: teams });
    if (!team) return fail<{ code: string }>({ kind: "not_found" });
    const current = await membersOf(tx, team.id);
    const { zone, members, ...fields } = patchFrom(current);
    const zoneId = zone ? await zoneIdByCode(tx, zone) : null;
    if (zone && !zoneId) return invalidField("zone", "establishments.errors.unknownZone");
    const resolved = members ? await resolveMembers(tx, members) : null;
    if (resolved && !resolved.ok) return fail<{ code: string }>(resolved.failure);

    if (Object.keys(fields).length || zone !== undefined) {
      await tx
        .update(teams)
        .set({ ...fields, ...(zone !== undefined ? { zoneId } : {}) })
        .where(eq(teams.id, team.id));
    }
    if (resolved) await replaceMembers(tx, team.id, resolved.value, now);
    const { id: _id, ...before } = team;
    await recordAudit(tx, actor, {
      action: "team.updated",
      objectType: "team",
      objectId: team.id,
      before: { ...before, members: current },
      after: { ...before, ...fields, ...(zone !== undefined ? { zone } : {}), members: resolved ? await membersOf(tx, team.id) : current },
    });
    return succeed({ code });
  });
}

export function updateTeam(caller: Caller, code: string, patch: PatchTeamInput, now: Date, actor: AuditActor) {
  return changeTeam(caller, code, () => patch, now, actor);
}

/** Adds one person (or changes whether this team is their main one). */
export function addTeamMember(caller: Caller, input: { code: string } & TeamMemberInput, now: Date, actor: AuditActor) {
  return changeTeam(
    caller,
    input.code,
    (members) => ({
      members: [...members.filter((member) => member.email !== input.email), { email: input.email, primary: input.primary }],
    }),
    now,
    actor,
  );
}

export function removeTeamMember(caller: Caller, input: { code: string; email: string }, now: Date, actor: AuditActor) {
  return changeTeam(caller, input.code, (members) => ({ members: members.filter((member) => member.email !== input.email) }), now, actor);
}
