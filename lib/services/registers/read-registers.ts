import { database, type Executor } from "@/db/client";
import { establishmentByUai } from "@/db/queries/establishments";
import { delegationRegister, filteringRegister, ouvertSchools, type RegisterFilter } from "@/db/queries/registers";
import { teamsByCode } from "@/db/queries/teams";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { canSeeEstablishment } from "@/lib/domain/permissions";
import {
  SECURITY_TEAM_CODE,
  delegationGaps,
  registerScope,
  registerState,
  scopeIncludes,
  type DelegationReviewReason,
  type FilteringDecision,
  type RegisterScope,
  type RegisterState,
} from "@/lib/domain/registers";
import { fail, succeed, type ServiceResult } from "../service-result";

type School = { id: string; uai: string; name: string };
type Approval = { approvedAt: Date; approvedBy: { id: string; name: string } | null; ticketReference: string };

export type FilteringEntry = Approval & {
  id: string;
  school: School;
  url: string;
  decision: FilteringDecision;
  startsOn: string;
  endsOn: string;
  state: RegisterState;
  removalTicketReference: string | null;
};

export type DelegationEntry = Approval & {
  id: string;
  school: School;
  delegate: { id: string | null; name: string };
  scope: string;
  actions: string;
  startsOn: string;
  endsOn: string;
  state: RegisterState;
  reviewDueOn: string;
  needsReview: DelegationReviewReason | null;
};

/** A school in `ouvert` mode, or with `ouvert` rooms, that lacks a delegation in force (the whole school, or rooms). */
export type DelegationGap = { school: School; whole: boolean; rooms: string[] };

export type Registers = { filtering: FilteringEntry[]; delegations: DelegationEntry[]; gaps: DelegationGap[] };

/** Whose registers the caller sees (lib/domain/registers.ts's registerScope, with the security team's id). */
export async function registerScopeOf(db: Executor, caller: Caller): Promise<RegisterScope> {
  const [team] = await teamsByCode(db, [SECURITY_TEAM_CODE]);
  return registerScope(caller, team?.id ?? null);
}

const approvalOf = (row: { approvedAt: Date; approvedById: string | null; approvedByName: string | null; ticketReference: string }) => ({
  approvedAt: row.approvedAt,
  approvedBy: row.approvedById && row.approvedByName ? { id: row.approvedById, name: row.approvedByName } : null,
  ticketReference: row.ticketReference,
});

async function readWithin(db: Executor, filter: RegisterFilter, today: string): Promise<Registers> {
  const [filtering, delegations, ouvert] = await Promise.all([
    filteringRegister(db, filter),
    delegationRegister(db, filter),
    ouvertSchools(db, filter.scope, today, filter.establishmentId),
  ]);
  return {
    filtering: filtering.map((row) => ({
      id: row.id,
      school: row.school,
      url: row.url,
      decision: row.decision,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      state: registerState(row, today),
      removalTicketReference: row.removalTicketReference,
      ...approvalOf(row),
    })),
    delegations: delegations.map((row) => ({
      id: row.id,
      school: row.school,
      delegate: { id: row.delegateId, name: row.delegateName },
      scope: row.scope,
      actions: row.actions,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      state: registerState({ ...row, ended: row.endedAt !== null }, today),
      reviewDueOn: row.reviewDueOn,
      needsReview: row.needsReview,
      ...approvalOf(row),
    })),
    gaps: ouvert.flatMap((school) => {
      const gaps = delegationGaps(school, school.delegationsInForce);
      return gaps.school || gaps.rooms.length
        ? [{ school: { id: school.id, uai: school.uai, name: school.name }, whole: gaps.school, rooms: gaps.rooms }]
        : [];
    }),
  };
}

/**
 * One school's registers (its page, /mon-etablissement, the API): not found when the school does not exist or the
 * caller may not see it; forbidden when the caller sees the school but not its registers (a proximity technician).
 */
export async function readSchoolRegisters(
  caller: Caller,
  uai: string,
  options: { inForce: boolean },
  now: Date,
): Promise<ServiceResult<Registers & { school: School }>> {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canSeeEstablishment(caller, school.id)) return fail({ kind: "not_found" });
  const scope = await registerScopeOf(db, caller);
  if (!scope || !scopeIncludes(scope, school)) return fail({ kind: "forbidden", message: "registers.errors.forbidden" });
  const today = parisDay(now);
  const registers = await readWithin(db, { scope, establishmentId: school.id, inForceOn: options.inForce ? today : undefined }, today);
  return succeed({ ...registers, school: { id: school.id, uai: school.uai, name: school.name } });
}

/**
 * Every school's registers within the caller's scope (the security team and the Région: all; a sector lead: their
 * zone), optionally one school's or only what is in force; null for anyone else (school staff read their own school's).
 */
export async function readAllRegisters(caller: Caller, options: { uai?: string; inForce: boolean }, now: Date): Promise<Registers | null> {
  const db = database();
  const scope = await registerScopeOf(db, caller);
  if (!scope || scope.kind === "schools") return null;
  const today = parisDay(now);
  const school = options.uai ? await establishmentByUai(db, options.uai) : null;
  if (options.uai && (!school || !scopeIncludes(scope, school))) return { filtering: [], delegations: [], gaps: [] };
  return readWithin(db, { scope, establishmentId: school?.id, inForceOn: options.inForce ? today : undefined }, today);
}

/** The delegation gaps of one school, for its page's flag; whoever sees the school sees the flag. */
export async function schoolDelegationGap(caller: Caller, uai: string, now: Date): Promise<DelegationGap | null> {
  const db = database();
  const school = await establishmentByUai(db, uai);
  if (!school || !canSeeEstablishment(caller, school.id)) return null;
  const [found] = await ouvertSchools(db, { kind: "all" }, parisDay(now), school.id);
  if (!found) return null;
  const gaps = delegationGaps(found, found.delegationsInForce);
  return gaps.school || gaps.rooms.length
    ? { school: { id: school.id, uai: school.uai, name: school.name }, whole: gaps.school, rooms: gaps.rooms }
    : null;
}

/** Whether the caller reads the registers of more than their own schools (the Région's page). */
export async function readsAllRegisters(caller: Caller): Promise<boolean> {
  const scope = await registerScopeOf(database(), caller);
  return scope !== null && scope.kind !== "schools";
}

/** Whether the caller reads this school's registers (the link on its page). */
export async function readsSchoolRegisters(caller: Caller, school: { id: string; zoneId: string }): Promise<boolean> {
  return scopeIncludes(await registerScopeOf(database(), caller), school);
}
