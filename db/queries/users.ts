import { and, asc, eq, exists, gt, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { apiTokens, establishments, staffFunctions, teamMembers, teams, userEstablishments, users, zones } from "@/db/schema";
import type { Role } from "@/lib/domain/vocabulary";
import { preparedStatement } from "./prepared";

export type UserCursor = { name: string; id: string };

export type UserFilters = {
  /** Part of the name or the e-mail. */
  q?: string;
  role?: Role;
  /** A school's UAI. */
  establishment?: string;
  /** A zone's code: its schools' staff, its teams' members and its sector lead. */
  zone?: string;
  /** A team's code. */
  team?: string;
  disabled?: boolean;
};

/** Which accounts a finder may list: all of them, or school staff of some schools (a head's). */
export type UserScope = { all: true } | { all: false; establishmentIds: string[]; roles: readonly Role[] };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function filterConditions(db: Executor, filters: UserFilters, scope: UserScope): SQL[] {
  const inSchools = (condition: SQL) =>
    exists(
      db
        .select({ one: userEstablishments.userId })
        .from(userEstablishments)
        .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
        .where(and(eq(userEstablishments.userId, users.id), condition)),
    );
  const inTeams = (condition: SQL) =>
    exists(
      db
        .select({ one: teamMembers.userId })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.userId, users.id), condition)),
    );
  const conditions: SQL[] = [];
  if (!scope.all) {
    conditions.push(inArray(users.role, [...scope.roles]));
    conditions.push(scope.establishmentIds.length ? inSchools(inArray(establishments.id, scope.establishmentIds)) : sql`false`);
  }
  if (filters.q) conditions.push(or(ilike(users.name, likePattern(filters.q)), ilike(users.email, likePattern(filters.q)))!);
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.establishment) conditions.push(inSchools(eq(establishments.uai, filters.establishment)));
  if (filters.team) conditions.push(inTeams(eq(teams.code, filters.team)));
  if (filters.zone) {
    const zoneId = db.select({ id: zones.id }).from(zones).where(eq(zones.code, filters.zone));
    conditions.push(
      or(inArray(users.zoneId, zoneId), inSchools(inArray(establishments.zoneId, zoneId)), inTeams(inArray(teams.zoneId, zoneId)))!,
    );
  }
  if (filters.disabled !== undefined) conditions.push(filters.disabled ? isNotNull(users.disabledAt) : isNull(users.disabledAt));
  return conditions;
}

/** One keyset page of accounts within a scope, sorted by name, with their schools' UAIs and teams' codes. */
export async function listUsers(db: Database, options: { filters: UserFilters; scope: UserScope; after?: UserCursor; limit: number }) {
  const after = options.after;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      functionCode: users.functionCode,
      phone: users.phone,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(
      and(
        ...filterConditions(db, options.filters, options.scope),
        after ? or(gt(users.name, after.name), and(eq(users.name, after.name), gt(users.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(options.limit + 1);
  const { items, next } = keysetPage(rows, options.limit, (last): UserCursor => ({ name: last.name, id: last.id }));
  const affiliations = await affiliationsOf(
    db,
    items.map((row) => row.id),
  );
  return { items: items.map((row) => ({ ...row, ...(affiliations.get(row.id) ?? { establishments: [], teams: [] }) })), next };
}

type Affiliations = {
  establishments: { id: string; uai: string; name: string }[];
  teams: { id: string; code: string; name: string; isPrimary: boolean }[];
};

/** Each account's schools (by name) and teams (primary first, then by code). */
async function affiliationsOf(db: Executor, userIds: string[]): Promise<Map<string, Affiliations>> {
  const result = new Map<string, Affiliations>(userIds.map((id) => [id, { establishments: [], teams: [] }]));
  if (userIds.length === 0) return result;
  const [schoolRows, teamRows] = await Promise.all([
    db
      .select({ userId: userEstablishments.userId, id: establishments.id, uai: establishments.uai, name: establishments.name })
      .from(userEstablishments)
      .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
      .where(inArray(userEstablishments.userId, userIds))
      .orderBy(asc(establishments.name)),
    db
      .select({ userId: teamMembers.userId, id: teams.id, code: teams.code, name: teams.name, isPrimary: teamMembers.isPrimary })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(inArray(teamMembers.userId, userIds)),
  ]);
  for (const { userId, ...school } of schoolRows) result.get(userId)!.establishments.push(school);
  for (const { userId, ...team } of teamRows) result.get(userId)!.teams.push(team);
  for (const entry of result.values())
    entry.teams.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.code.localeCompare(b.code));
  return result;
}

/** One account with its schools and teams, or null. */
export async function accountById(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      functionCode: users.functionCode,
      phone: users.phone,
      disabledAt: users.disabledAt,
      notificationEmail: users.notificationEmail,
      passwordSetAt: users.passwordSetAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row) return null;
  return { ...row, ...(await affiliationsOf(db, [id])).get(id)! };
}

export type AccountRecord = NonNullable<Awaited<ReturnType<typeof accountById>>>;

/** The staff functions, in their order. */
export function listStaffFunctions(db: Executor) {
  return db.select().from(staffFunctions).orderBy(asc(staffFunctions.position));
}

/** An active account's name and role, or null (unknown or disabled). */
export async function activePerson(db: Executor, id: string) {
  const [person] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  return person ?? null;
}

/** An active sector lead of the zone, or null. */
export async function sectorLeadOf(db: Executor, zoneId: string) {
  const [lead] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "sector_lead"), eq(users.zoneId, zoneId), isNull(users.disabledAt)))
    .limit(1);
  return lead ?? null;
}

/** A staff function by its code, or null. */
export async function staffFunction(db: Executor, code: string) {
  const [row] = await db
    .select({ code: staffFunctions.code, label: staffFunctions.label })
    .from(staffFunctions)
    .where(eq(staffFunctions.code, code));
  return row ?? null;
}

/**
 * The columns of a caller, in one row: the account, its schools and its teams with their zones (correlated
 * subqueries, so a request's caller is one statement).
 */
const callerColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  zoneId: users.zoneId,
  // Written out in full: Drizzle leaves a column of a one-table select unqualified, which a subquery would rebind.
  establishmentIds: sql<string[]>`coalesce((select array_agg("ue"."establishment_id"::text) from "user_establishments" "ue"
    where "ue"."user_id" = "users"."id"), '{}')`,
  teams: sql<
    { id: string; zoneId: string | null }[]
  >`coalesce((select json_agg(json_build_object('id', "tm"."team_id", 'zoneId', "t"."zone_id"))
    from "team_members" "tm" inner join "teams" "t" on "t"."id" = "tm"."team_id" where "tm"."user_id" = "users"."id"), '[]')`,
};

/** The account of that id with its schools and teams, or null when it is disabled or gone. */
export async function callerFacts(db: Executor, userId: string) {
  const [row] = await db
    .select(callerColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ?? null;
}

export type CallerFacts = NonNullable<Awaited<ReturnType<typeof callerFacts>>>;

/**
 * The live (unexpired) API token of that hash with its last use, and its account as `callerFacts` reads it; null
 * when the token is unknown, expired or revoked, or its account disabled. Read on every request, never cached: a
 * revocation or a disabling holds from the next request.
 */
export async function liveApiTokenCaller(db: Executor, tokenHash: string, now: Date) {
  const [row] = await liveApiTokenStatement(db).execute({ tokenHash, now: now.toISOString() });
  return row ?? null;
}

const liveApiTokenStatement = preparedStatement((db) =>
  db
    .select({ token: { id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt }, caller: callerColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), gt(apiTokens.expiresAt, sql.placeholder("now")), isNull(users.disabledAt)),
    )
    .prepare("live_api_token_caller"),
);

/** The UAIs of an account's schools, sorted. */
export async function schoolUaisOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ uai: establishments.uai })
    .from(userEstablishments)
    .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
    .where(eq(userEstablishments.userId, userId));
  return rows.map((row) => row.uai).sort();
}

/** The accounts of those e-mails, with the schools each belongs to. */
export async function accountsByEmail(db: Executor, emails: string[]) {
  if (!emails.length) return [];
  const accounts = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      functionCode: users.functionCode,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(inArray(users.email, emails));
  const memberships = accounts.length
    ? await db
        .select({ userId: userEstablishments.userId, id: establishments.id, uai: establishments.uai })
        .from(userEstablishments)
        .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
        .where(
          inArray(
            userEstablishments.userId,
            accounts.map((account) => account.id),
          ),
        )
    : [];
  return accounts.map((account) => ({
    ...account,
    schools: memberships.filter((membership) => membership.userId === account.id).map(({ userId: _userId, ...school }) => school),
  }));
}

/** The account of an e-mail with what signing in checks (password hash, token version, disabled), or null. */
export async function accountByEmail(db: Executor, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      tokenVersion: users.tokenVersion,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email));
  return user ?? null;
}

/** An account's password hash (null: none set yet). */
export async function passwordHashOf(db: Executor, userId: string): Promise<string | null> {
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return account?.passwordHash ?? null;
}

/** The role of an active member of the school, or null when the person is not one. */
export async function activeSchoolMemberRole(db: Executor, userId: string, establishmentId: string) {
  const [member] = await db
    .select({ role: users.role })
    .from(users)
    .innerJoin(userEstablishments, and(eq(userEstablishments.userId, users.id), eq(userEstablishments.establishmentId, establishmentId)))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return member?.role ?? null;
}
