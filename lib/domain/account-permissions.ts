import type { Caller } from "./caller";
import type { Role } from "./vocabulary";

/** Roles of school staff: they belong to schools, never to teams, and a head may give only these. */
export const SCHOOL_ROLES: readonly Role[] = ["requester", "manager"];

export const isSchoolRole = (role: Role) => SCHOOL_ROLES.includes(role);

/** What an account is, for deciding who may touch it: its role, schools and teams. */
export type AccountShape = { role: Role; establishmentIds: readonly string[]; teamIds: readonly string[] };

/** `not_found` hides an account (or a school) the caller may not know about; `forbidden` refuses what they see. */
export type AccountDecision = "allowed" | "forbidden" | "not_found";

/** Admins manage every account, heads their schools' staff; nobody else manages accounts at all. */
export const managesAccounts = (caller: Pick<Caller, "role">) => caller.role === "admin" || caller.role === "manager";

const within = (ids: readonly string[], allowed: readonly string[]) => ids.every((id) => allowed.includes(id));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && within(a, b);
const changed = (before: readonly string[], after: readonly string[]) => [
  ...before.filter((id) => !after.includes(id)),
  ...after.filter((id) => !before.includes(id)),
];

/**
 * May the caller see (find, read) this account? Admins every account; a head the accounts of their own
 * schools (another school's are unknown to them: not found), and among those only school staff (a
 * technician of their school, if any, is refused); everyone else nothing.
 */
export function accountAccess(
  caller: Pick<Caller, "role" | "establishmentIds">,
  target: Pick<AccountShape, "role" | "establishmentIds">,
): AccountDecision {
  if (caller.role === "admin") return "allowed";
  if (caller.role !== "manager") return "forbidden";
  if (!target.establishmentIds.some((id) => caller.establishmentIds.includes(id))) return "not_found";
  return isSchoolRole(target.role) ? "allowed" : "forbidden";
}

/**
 * May the caller create (`before` null) or change an account into `after`? Admins anything. A head only
 * school staff: the schools they add or take away must be theirs (else not found: they do not know the
 * other school), the role given must be `requester` or `manager` (else forbidden), and teams are not
 * theirs to change. Everyone else: forbidden.
 */
export function accountChange(
  caller: Pick<Caller, "role" | "establishmentIds">,
  before: AccountShape | null,
  after: AccountShape,
): AccountDecision {
  if (caller.role === "admin") return "allowed";
  if (caller.role !== "manager") return "forbidden";
  if (before) {
    const access = accountAccess(caller, before);
    if (access !== "allowed") return access;
  } else if (after.establishmentIds.length === 0) {
    return "forbidden";
  }
  if (!within(changed(before?.establishmentIds ?? [], after.establishmentIds), caller.establishmentIds)) return "not_found";
  if (!isSchoolRole(after.role)) return "forbidden";
  if (!sameSet(before?.teamIds ?? [], after.teamIds)) return "forbidden";
  return "allowed";
}

export type AccountShapeProblem = "school_staff_need_a_school" | "staff_have_no_school";

/**
 * School staff belong to at least one school (unless disabled: removed from their last school; a CSL may
 * also be in the school's own queue); the Région's, Académie's and vendors' staff to no school.
 */
export function accountShapeProblem(account: AccountShape & { disabled: boolean }): AccountShapeProblem | null {
  if (isSchoolRole(account.role)) {
    return account.establishmentIds.length === 0 && !account.disabled ? "school_staff_need_a_school" : null;
  }
  return account.establishmentIds.length > 0 ? "staff_have_no_school" : null;
}
