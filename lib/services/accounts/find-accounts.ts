import { database } from "@/db/client";
import { listUsers, type UserCursor, type UserFilters, type UserScope } from "@/db/queries/users";
import { SCHOOL_ROLES } from "@/lib/domain/account-permissions";
import type { Caller } from "@/lib/domain/caller";
import { fail, succeed } from "../service-result";
import { refusal } from "./account-changes";

/** Admins find every account; a head the school staff of their schools; anyone else is refused. */
function scopeOf(caller: Caller): UserScope | null {
  if (caller.role === "admin") return { all: true };
  if (caller.role === "manager") return { all: false, establishmentIds: caller.establishmentIds, roles: SCHOOL_ROLES };
  return null;
}

/** Finds accounts (text, role, school, zone, team, disabled), one keyset page sorted by name. */
export async function findAccounts(caller: Caller, options: { filters: UserFilters; after?: UserCursor; limit: number }) {
  const scope = scopeOf(caller);
  if (!scope) return fail(refusal("forbidden", caller));
  return succeed(await listUsers(database(), { ...options, scope }));
}
