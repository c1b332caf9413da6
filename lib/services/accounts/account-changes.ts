import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accountById, staffFunction, type AccountRecord } from "@/db/queries/users";
import { teamMembers, userEstablishments, users } from "@/db/schema";
import { schoolNamesById, schoolsByUai } from "@/db/queries/establishments";
import { schoolQueueIds, teamsByCode } from "@/db/queries/teams";
import {
  accountChange,
  accountShapeProblem,
  managesAccounts,
  type AccountDecision,
  type AccountShapeProblem,
} from "@/lib/domain/account-permissions";
import type { AuditActor } from "@/lib/domain/audit";
import type { AccountEmailContent } from "@/lib/mail/account-templates";
import type { Caller } from "@/lib/domain/caller";
import type { Role } from "@/lib/domain/vocabulary";
import type { FieldError } from "@/lib/schemas/field-errors";
import { revokeAllApiTokens } from "./api-tokens";
import { reviewDelegationsAfterAccountChange } from "../registers/account-reviews";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";
import { recordAccountEmail } from "./account-mail";

/** Who changes accounts: a signed-in person, or the command line creating the first admin (no id). */
export type AccountAuthor = Pick<Caller, "name" | "role" | "establishmentIds"> & { id: string | null };

/** An account's editable facts, with its schools and teams as ids (teams: the primary first). */
export type AccountState = {
  name: string;
  phone: string | null;
  role: Role;
  functionCode: string | null;
  establishmentIds: string[];
  teamIds: string[];
  disabled: boolean;
};

/** The account fields as the API and forms give them: schools by UAI, teams by code. */
export type AccountInput = {
  name?: string;
  phone?: string | null;
  role?: Role;
  function?: string | null;
  establishments?: string[];
  teams?: string[];
  disabled?: boolean;
};

const SHAPE_TEXT: Record<AccountShapeProblem, { field: string; message: string }> = {
  school_staff_need_a_school: { field: "establishments", message: "users.errors.schoolRequired" },
  staff_have_no_school: { field: "establishments", message: "users.errors.onlyStaffHaveSchools" },
};

export function refusal(decision: Exclude<AccountDecision, "allowed">, author: Pick<AccountAuthor, "role">): ServiceFailure {
  if (decision === "not_found") return { kind: "not_found" };
  return {
    kind: "forbidden",
    message: author.role === "manager" ? "users.errors.onlyYourSchoolsStaff" : "users.errors.accountsForbidden",
  };
}

export const stateOf = (account: AccountRecord): AccountState => ({
  name: account.name,
  phone: account.phone,
  role: account.role,
  functionCode: account.functionCode,
  establishmentIds: account.establishments.map((school) => school.id),
  teamIds: account.teams.map((team) => team.id),
  disabled: account.disabledAt !== null,
});

/** UAIs and team codes as ids, in the order given; an unknown one is a field error. */
async function resolveCodes(
  tx: Executor,
  input: AccountInput,
): Promise<ServiceResult<{ establishmentIds?: string[]; teamIds?: string[] }>> {
  const [schoolRows, teamRows, knownFunction] = await Promise.all([
    schoolsByUai(tx, input.establishments ?? []).then((rows) => rows.map((row) => ({ id: row.id, code: row.uai }))),
    teamsByCode(tx, input.teams ?? []),
    input.function ? staffFunction(tx, input.function) : null,
  ]);
  const errors: FieldError[] = [];
  const idsOf = (codes: string[] | undefined, rows: { id: string; code: string }[], field: string, unknown: string) =>
    codes?.map((code) => {
      const id = rows.find((row) => row.code === code)?.id;
      if (!id) errors.push({ field, message: unknown, values: { code } });
      return id ?? "";
    });
  const establishmentIds = idsOf(input.establishments, schoolRows, "establishments", "users.errors.unknownSchool");
  const teamIds = idsOf(input.teams, teamRows, "teams", "users.errors.unknownTeam");
  if (input.function && !knownFunction)
    errors.push({ field: "function", message: "users.errors.unknownFunction", values: { function: input.function } });
  if (errors.length > 0) return fail({ kind: "unprocessable", message: "forms.errors.checkFields", errors });
  return succeed({ establishmentIds, teamIds });
}

/**
 * What the account becomes, if the author may make it so: codes resolved, the permission rule applied, then
 * the shape of the account (school staff have schools, others teams). School staff removed from their last
 * school are disabled rather than left without one.
 */
export async function nextState(
  tx: Executor,
  author: AccountAuthor,
  before: AccountState | null,
  input: AccountInput,
): Promise<ServiceResult<AccountState>> {
  if (!managesAccounts(author)) return fail(refusal("forbidden", author));
  const resolved = await resolveCodes(tx, input);
  if (!resolved.ok) return resolved;
  const base: AccountState = before ?? {
    name: "",
    phone: null,
    role: "requester",
    functionCode: null,
    establishmentIds: [],
    teamIds: [],
    disabled: false,
  };
  const after: AccountState = {
    name: input.name ?? base.name,
    phone: input.phone !== undefined ? input.phone : base.phone,
    role: input.role ?? base.role,
    functionCode: input.function !== undefined ? input.function : base.functionCode,
    establishmentIds: resolved.value.establishmentIds ?? base.establishmentIds,
    teamIds: resolved.value.teamIds ?? base.teamIds,
    disabled: input.disabled ?? base.disabled,
  };
  return checkedState(author, before, after);
}

/** The permission rule, then the shape of the account, for a state already in ids. */
export function checkedState(author: AccountAuthor, before: AccountState | null, after: AccountState): ServiceResult<AccountState> {
  const decision = accountChange(author, before, after);
  if (decision !== "allowed") return fail(refusal(decision, author));
  const leftLastSchool = before !== null && before.establishmentIds.length > 0 && after.establishmentIds.length === 0;
  const state = leftLastSchool ? { ...after, disabled: true } : after;
  const problem = accountShapeProblem(state);
  if (problem) return fail({ kind: "unprocessable", message: SHAPE_TEXT[problem].message, errors: [SHAPE_TEXT[problem]] });
  return succeed(state);
}

/** Writes the account's schools and teams: the first team is the primary one. */
export async function writeAffiliations(
  tx: Executor,
  userId: string,
  before: AccountState | null,
  after: AccountState,
  now: Date,
): Promise<void> {
  const removedSchools = (before?.establishmentIds ?? []).filter((id) => !after.establishmentIds.includes(id));
  if (removedSchools.length)
    await tx
      .delete(userEstablishments)
      .where(and(eq(userEstablishments.userId, userId), inArray(userEstablishments.establishmentId, removedSchools)));
  if (after.establishmentIds.length) {
    await tx
      .insert(userEstablishments)
      .values(after.establishmentIds.map((establishmentId) => ({ userId, establishmentId })))
      .onConflictDoNothing();
  }
  const sameTeams = before && before.teamIds.join() === after.teamIds.join();
  if (sameTeams) return;
  await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.userId, userId), after.teamIds.length ? notInArray(teamMembers.teamId, after.teamIds) : undefined));
  await tx.update(teamMembers).set({ isPrimary: false }).where(eq(teamMembers.userId, userId));
  if (after.teamIds.length) {
    await tx
      .insert(teamMembers)
      .values(after.teamIds.map((teamId) => ({ userId, teamId, joinedAt: now })))
      .onConflictDoNothing();
    await tx
      .update(teamMembers)
      .set({ isPrimary: true })
      .where(and(eq(teamMembers.userId, userId), eq(teamMembers.teamId, after.teamIds[0]!)));
  }
}

/**
 * Applies a change to an existing account, in the caller's transaction: its facts, schools and teams (leaving
 * a school also leaves that school's own queue; the delegations a new head or a departure puts "à revoir"); on
 * disabling, its sessions (token version) and API tokens end at once. One audit row records the change;
 * the person gets an e-mail for each change that concerns them (schools, function, disabled). Returns
 * the outbox ids for `afterCommit`.
 */
export async function applyAccountChange(
  tx: Executor,
  author: AccountAuthor,
  account: AccountRecord,
  requested: AccountState,
  now: Date,
  actor: AuditActor,
): Promise<string[]> {
  const before = stateOf(account);
  // Leaving a school is leaving its own queue too: its tickets are no longer the person's to see.
  const leftSchools = before.establishmentIds.filter((id) => !requested.establishmentIds.includes(id));
  const leftQueues = await schoolQueueIds(tx, leftSchools);
  const after = { ...requested, teamIds: requested.teamIds.filter((id) => !leftQueues.includes(id)) };
  const disabling = after.disabled && !before.disabled;
  await tx
    .update(users)
    .set({
      name: after.name,
      phone: after.phone,
      role: after.role,
      functionCode: after.functionCode,
      ...(after.disabled !== before.disabled ? { disabledAt: after.disabled ? now : null } : {}),
      ...(disabling ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
      updatedAt: now,
      updatedById: author.id,
    })
    .where(eq(users.id, account.id));
  await writeAffiliations(tx, account.id, before, after, now);
  await reviewDelegationsAfterAccountChange(tx, account.id, before, after, now);
  if (disabling) await revokeAllApiTokens(tx, account.id, actor);
  const action = after.disabled === before.disabled ? "account.updated" : after.disabled ? "account.disabled" : "account.enabled";
  // The e-mail names the account in the journal's before → after.
  await recordAudit(tx, actor, {
    action,
    objectType: "user",
    objectId: account.id,
    before: { email: account.email, ...before },
    after: { email: account.email, ...after },
  });

  const added = after.establishmentIds.filter((id) => !before.establishmentIds.includes(id));
  const removed = before.establishmentIds.filter((id) => !after.establishmentIds.includes(id));
  const names = await schoolNamesById(tx, [...added, ...removed, ...after.establishmentIds]);
  const by = author.name;
  const contents: AccountEmailContent[] = [
    ...added.map((id) => ({ kind: "school_added" as const, school: names.get(id)!, by })),
    ...removed.map((id) => ({ kind: "school_removed" as const, school: names.get(id)!, by, disabled: disabling })),
  ];
  if (after.functionCode !== before.functionCode && after.establishmentIds.length) {
    const label = after.functionCode ? await staffFunction(tx, after.functionCode) : null;
    contents.push({
      kind: "function_changed",
      school: after.establishmentIds.map((id) => names.get(id)).join(", "),
      functionLabel: label?.label ?? null,
      by,
    });
  }
  // Removal from the last school already says the account is closed.
  if (disabling && removed.length === 0) contents.push({ kind: "disabled", by });
  if (!after.disabled && before.disabled) contents.push({ kind: "enabled", by });
  const recipient = { id: account.id, email: account.email, name: after.name, notificationEmail: account.notificationEmail };
  const outboxIds: string[] = [];
  for (const content of contents) outboxIds.push(await recordAccountEmail(tx, recipient, content, now));
  return outboxIds;
}

/** The account locked for a change, or null. */
export async function lockedAccount(tx: Executor, id: string): Promise<AccountRecord | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for("update");
  return row ? accountById(tx, row.id) : null;
}
