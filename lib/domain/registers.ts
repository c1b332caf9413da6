/**
 * The registers a school keeps (issue 15): filtering exceptions and delegations of administration rights.
 * Days are Paris dates (YYYY-MM-DD). An entry is in force from `startsOn` until the day before `endsOn`: on its
 * end date it reads "expirée" (a filtering exception of 30 days approved on 1 March ends on 31 March).
 *
 * Pure: `today` and the facts are arguments.
 */
import { DateTime } from "luxon";
import type { Caller } from "./caller";
import { roomKey, type DeclaredRoom } from "./room-support-mode";
import type { SupportMode } from "./vocabulary";

export const FILTERING_DECISIONS = ["allow", "deny"] as const;
export type FilteringDecision = (typeof FILTERING_DECISIONS)[number];

/** Why a delegation is "à revoir": its yearly review came, the school's head changed, the delegate left the school. */
export const DELEGATION_REVIEW_REASONS = ["head_changed", "delegate_left", "anniversary"] as const;
export type DelegationReviewReason = (typeof DELEGATION_REVIEW_REASONS)[number];

export const REGISTER_STATES = ["in_force", "expired", "upcoming"] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

/** The categories whose approval writes a register entry. */
export const FILTERING_CATEGORY = "SEC-FILTRAGE";
export const DELEGATION_CATEGORY = "SRV-DELEGATION";
/** The team that removes an expired filtering rule. */
export const SECURITY_TEAM_CODE = "EQ-E-INFRA_SECU";
/** The staff function whose holder heads a school. */
export const HEAD_FUNCTION = "chef_etablissement";
/** How many days before its end a filtering exception's school is reminded. */
export const REMINDER_DAYS_BEFORE_END = 7;

const ZONE = "Europe/Paris";
const day = (value: string) => DateTime.fromISO(value, { zone: ZONE });
const shift = (value: string, duration: { days?: number; years?: number }) => day(value).plus(duration).toISODate()!;

export type Period = { readonly startsOn: string; readonly endsOn: string };

/** Where an entry stands on `today`; a delegation ended early (`ended`) is expired whatever its dates. */
export function registerState(entry: Period & { readonly ended?: boolean }, today: string): RegisterState {
  if (entry.ended || today >= entry.endsOn) return "expired";
  return today < entry.startsOn ? "upcoming" : "in_force";
}

/** The SEC-FILTRAGE answer ("autoriser", "interdire") as the register's decision. */
export const filteringDecisionOf = (answer: string): FilteringDecision => (answer === "interdire" ? "deny" : "allow");

/** A filtering exception approved on `approvedOn` for `durationDays` days. */
export const filteringPeriod = (approvedOn: string, durationDays: number): Period => ({
  startsOn: approvedOn,
  endsOn: shift(approvedOn, { days: durationDays }),
});

/** A delegation approved on `approvedOn` until its end date; null when that date has already come (nothing to record). */
export const delegationPeriod = (approvedOn: string, endDate: string): Period | null =>
  endDate > approvedOn ? { startsOn: approvedOn, endsOn: endDate } : null;

/** The day a filtering exception's school is reminded: a week before its end. */
export const reminderDay = (entry: Period): string => shift(entry.endsOn, { days: -REMINDER_DAYS_BEFORE_END });

/** Whether the reminder is due today: in its last week, not reminded yet. */
export const reminderDue = (entry: Period & { readonly reminded: boolean }, today: string): boolean =>
  !entry.reminded && registerState(entry, today) === "in_force" && today >= reminderDay(entry);

/** Whether the security team's removal ticket is due: the exception has expired and none was filed. */
export const removalDue = (entry: Period & { readonly removalFiled: boolean }, today: string): boolean =>
  !entry.removalFiled && today >= entry.endsOn;

/** The anniversary following `from` (the first review of a delegation starting on `from`, or the next after a review). */
export const nextAnniversary = (from: string): string => shift(from, { years: 1 });

/** Whether a delegation's yearly review has come: its anniversary reached while it is still in force. */
export const anniversaryDue = (entry: Period & { readonly reviewDueOn: string; readonly ended: boolean }, today: string): boolean =>
  registerState(entry, today) === "in_force" && today >= entry.reviewDueOn;

/** Whether a delegation in force covers a room: its scope names the room as a word ("Salles B204, B205" covers "b204"). */
export function scopeCoversRoom(scope: string, room: string): boolean {
  const name = roomKey(room).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${name}($|[^\\p{L}\\p{N}])`, "u").test(roomKey(scope));
}

/**
 * What lacks a delegation in force (seed 004's `ouvert` mode: local staff administer the machines, under a delegation):
 * the school itself when it is `ouvert` with no delegation in force; each room declared `ouvert` that no delegation in
 * force names in its scope.
 */
export function delegationGaps(
  school: { readonly supportMode: SupportMode; readonly rooms: readonly DeclaredRoom[] },
  inForce: readonly { readonly scope: string }[],
): { school: boolean; rooms: string[] } {
  return {
    school: school.supportMode === "ouvert" && inForce.length === 0,
    rooms: school.rooms
      .filter((room) => room.supportMode === "ouvert" && !inForce.some((delegation) => scopeCoversRoom(delegation.scope, room.room)))
      .map((room) => room.room),
  };
}

/** An account's facts that matter to delegations; null: no account (before its creation). */
export type AccountFacts = {
  readonly functionCode: string | null;
  readonly establishmentIds: readonly string[];
  readonly disabled: boolean;
} | null;

const headAt = (account: AccountFacts, establishmentId: string) =>
  account !== null && !account.disabled && account.functionCode === HEAD_FUNCTION && account.establishmentIds.includes(establishmentId);
const memberOf = (account: AccountFacts, establishmentId: string) =>
  account !== null && !account.disabled && account.establishmentIds.includes(establishmentId);

/**
 * What an account change means for the delegations: the schools whose head changed (the person became or stopped
 * being their head: function, school, disabled), and the schools the person left (their delegations there are
 * to review).
 */
export function delegationReviewsAfter(before: AccountFacts, after: AccountFacts): { headChanged: string[]; left: string[] } {
  const schools = [...new Set([...(before?.establishmentIds ?? []), ...(after?.establishmentIds ?? [])])];
  return {
    headChanged: schools.filter((id) => headAt(before, id) !== headAt(after, id)),
    left: schools.filter((id) => memberOf(before, id) && !memberOf(after, id)),
  };
}

/** Who sees which schools' registers. */
export type RegisterScope = { kind: "all" } | { kind: "zone"; zoneId: string } | { kind: "schools"; establishmentIds: string[] } | null;

/**
 * The security team's members and the Région's admins and service leads see every school's registers, a sector
 * lead those of their zone, school staff their own schools'; nobody else.
 */
export function registerScope(
  caller: Pick<Caller, "role" | "zoneId" | "establishmentIds" | "teamIds">,
  securityTeamId: string | null,
): RegisterScope {
  if (caller.role === "admin" || caller.role === "service_lead") return { kind: "all" };
  if (securityTeamId !== null && caller.teamIds.includes(securityTeamId)) return { kind: "all" };
  if (caller.role === "sector_lead") return caller.zoneId ? { kind: "zone", zoneId: caller.zoneId } : null;
  if (caller.role === "requester" || caller.role === "manager") return { kind: "schools", establishmentIds: caller.establishmentIds };
  return null;
}

/** Whether the scope takes in one school (its id and zone). */
export function scopeIncludes(scope: RegisterScope, school: { readonly id: string; readonly zoneId: string }): boolean {
  if (!scope) return false;
  if (scope.kind === "all") return true;
  if (scope.kind === "zone") return scope.zoneId === school.zoneId;
  return scope.establishmentIds.includes(school.id);
}

/** Who reviews a school's delegations (keeps them or ends them): its head (a manager of the school), or an admin. */
export const canReviewDelegations = (caller: Pick<Caller, "role" | "establishmentIds">, establishmentId: string): boolean =>
  caller.role === "admin" || (caller.role === "manager" && caller.establishmentIds.includes(establishmentId));
