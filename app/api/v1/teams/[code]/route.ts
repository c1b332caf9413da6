import { teamJson } from "@/lib/api/organisation-json";
import { notFound, problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { patchTeamSchema, teamCodeParam } from "@/lib/schemas/organisation";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readTeam } from "@/lib/services/organisation/list-teams";
import { updateTeam } from "@/lib/services/organisation/update-team";

export const dynamic = "force-dynamic";

/**
 * PATCH /api/v1/teams/{code} {name?, party?, zone?, members?: [{email, primary?}]} → 200 with the team (admins). `members`, when sent,
 * is the whole membership, each person named by the e-mail of their account; `primary: true` makes it their main team.
 */
export const PATCH = recordRoute("code", teamCodeParam)(patchTeamSchema, async ({ request, code, input, caller }) => {
  const updated = await updateTeam(caller, code, input, new Date(), auditActor(request.headers, caller));
  if (!updated.ok) return problemFromFailure(updated.failure);
  const team = await readTeam(caller, code);
  return team ? Response.json(teamJson(team)) : notFound();
});
