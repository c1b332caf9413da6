import type { AccountRecord } from "@/db/queries/users";

type Listed = Pick<AccountRecord, "id" | "email" | "name" | "phone" | "role" | "functionCode" | "disabledAt"> & {
  establishments: { uai: string }[];
  teams: { code: string }[];
};

/** An account as GET /api/v1/users and /users/{id} answer it; teams: the primary first. */
export function accountJson(account: Listed) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    phone: account.phone,
    role: account.role,
    function: account.functionCode,
    establishments: account.establishments.map((school) => school.uai),
    teams: account.teams.map((team) => team.code),
    disabled: account.disabledAt !== null,
  };
}
