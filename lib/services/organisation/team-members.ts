import { and, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers } from "@/db/schema";
import { teamMemberEmails } from "@/db/queries/teams";
import { accountsByEmail } from "@/db/queries/users";
import type { TeamMemberInput } from "@/lib/schemas/organisation";
import { fail, succeed, type ServiceResult } from "../service-result";

/** The members of a team as the API and the audit trail name them. */
export async function membersOf(tx: Executor, teamId: string): Promise<TeamMemberInput[]> {
  return teamMemberEmails(tx, teamId);
}

/** A member as resolved to their account, checked before anything is written. */
export type ResolvedMember = { userId: string; primary: boolean };

/** The accounts behind the e-mails: every one must exist and be enabled. */
export async function resolveMembers(tx: Executor, members: TeamMemberInput[]): Promise<ServiceResult<ResolvedMember[]>> {
  const emails = members.map((member) => member.email);
  const accounts = await accountsByEmail(tx, emails);
  const byEmail = new Map(accounts.map((account) => [account.email, account]));
  const errors = members.flatMap((member) => {
    const account = byEmail.get(member.email);
    if (!account) return [{ field: "members", message: "establishments.errors.noAccount", values: { email: member.email } }];
    return account.disabledAt
      ? [{ field: "members", message: "establishments.errors.accountDisabled", values: { email: member.email } }]
      : [];
  });
  if (errors.length) return fail({ kind: "unprocessable", message: "establishments.errors.checkMembers", errors });
  return succeed(members.map((member) => ({ userId: byEmail.get(member.email)!.id, primary: member.primary })));
}

/**
 * Makes `members` the team's whole membership. A member marked primary has this team as their main one (their
 * previous main team stops being it); everyone touched who is left without a main team while still in one gets
 * their longest-held team as main, so each person in a team has exactly one.
 */
export async function replaceMembers(tx: Executor, teamId: string, members: ResolvedMember[], now: Date): Promise<void> {
  const ids = members.map((member) => member.userId);
  const removed = await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), ids.length ? notInArray(teamMembers.userId, ids) : undefined))
    .returning({ userId: teamMembers.userId });
  if (ids.length) {
    await tx
      .insert(teamMembers)
      .values(ids.map((userId) => ({ teamId, userId, joinedAt: now })))
      .onConflictDoNothing();
    const primary = members.filter((member) => member.primary).map((member) => member.userId);
    await tx
      .update(teamMembers)
      .set({ isPrimary: false })
      .where(
        and(
          inArray(teamMembers.userId, ids),
          primary.length ? or(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, primary)) : eq(teamMembers.teamId, teamId),
        ),
      );
    if (primary.length)
      await tx
        .update(teamMembers)
        .set({ isPrimary: true })
        .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, primary)));
  }
  await ensureOnePrimary(tx, [...ids, ...removed.map((row) => row.userId)]);
}

/** Gives each of these people still in a team but with no main team their longest-held team as main. */
async function ensureOnePrimary(tx: Executor, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  await tx.execute(sql`
    update team_members set is_primary = true
    from (
      select distinct on (user_id) user_id, team_id from team_members
      where user_id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and not exists (select 1 from team_members primary_row where primary_row.user_id = team_members.user_id and primary_row.is_primary)
      order by user_id, joined_at, team_id
    ) first_team
    where team_members.user_id = first_team.user_id and team_members.team_id = first_team.team_id`);
}
