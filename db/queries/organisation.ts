import { and, asc, count, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db/client";
import {
  establishments,
  onboardingDocuments,
  onboardingMeetings,
  roomSupportModes,
  staffFunctions,
  teamMembers,
  teams,
  userEstablishments,
  users,
  vendors,
  zones,
} from "@/db/schema";
import type { OnboardingState } from "@/lib/domain/vocabulary";
import { containing } from "./ci-list";
import { keysetPage } from "./keyset-page";

const author = alias(users, "author");

/** One school with its zone, declared rooms, onboarding meetings and who changed it last. */
export async function establishmentDetail(db: Executor, uai: string) {
  const [row] = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      type: establishments.type,
      city: establishments.city,
      departement: establishments.departement,
      supportMode: establishments.supportMode,
      onboardingState: establishments.onboardingState,
      zoneId: zones.id,
      zoneCode: zones.code,
      zoneName: zones.name,
      updatedAt: establishments.updatedAt,
      updatedByName: author.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .leftJoin(author, eq(author.id, establishments.updatedById))
    .where(eq(establishments.uai, uai));
  if (!row) return null;
  const [rooms, meetings] = await Promise.all([
    db
      .select({ room: roomSupportModes.room, supportMode: roomSupportModes.supportMode })
      .from(roomSupportModes)
      .where(eq(roomSupportModes.establishmentId, row.id))
      .orderBy(asc(roomSupportModes.room)),
    db
      .select({
        meeting: onboardingMeetings.meeting,
        plannedOn: onboardingMeetings.plannedOn,
        heldOn: onboardingMeetings.heldOn,
        notes: onboardingMeetings.notes,
      })
      .from(onboardingMeetings)
      .where(eq(onboardingMeetings.establishmentId, row.id))
      .orderBy(asc(onboardingMeetings.meeting)),
  ]);
  const { zoneId, zoneCode, zoneName, updatedByName, ...school } = row;
  return { ...school, zone: { id: zoneId, code: zoneCode, name: zoneName }, updatedBy: updatedByName, rooms, meetings };
}
export type EstablishmentDetail = NonNullable<Awaited<ReturnType<typeof establishmentDetail>>>;

/** The school's active staff by function (functions in their order, then people without one), and its zone's sector leads. */
export async function establishmentContacts(db: Database, establishmentId: string, zoneId: string) {
  const [staff, sectorLeads] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        phone: users.phone,
        role: users.role,
        functionLabel: staffFunctions.label,
      })
      .from(userEstablishments)
      .innerJoin(users, eq(users.id, userEstablishments.userId))
      .leftJoin(staffFunctions, eq(staffFunctions.code, users.functionCode))
      .where(and(eq(userEstablishments.establishmentId, establishmentId), isNull(users.disabledAt)))
      .orderBy(sql`${staffFunctions.position} asc nulls last`, asc(users.name)),
    db
      .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
      .from(users)
      .where(and(eq(users.role, "sector_lead"), eq(users.zoneId, zoneId), isNull(users.disabledAt)))
      .orderBy(asc(users.name)),
  ]);
  return { staff, sectorLeads };
}

/** Every school with its onboarding state and meetings, by zone then name; `zoneId` narrows to one zone. */
export async function onboardingBoard(db: Database, zoneId: string | null) {
  const schools = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      city: establishments.city,
      state: establishments.onboardingState,
      zoneName: zones.name,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(zoneId ? eq(establishments.zoneId, zoneId) : undefined)
    .orderBy(asc(zones.name), asc(establishments.name));
  const meetings = await db
    .select({
      establishmentId: onboardingMeetings.establishmentId,
      meeting: onboardingMeetings.meeting,
      plannedOn: onboardingMeetings.plannedOn,
      heldOn: onboardingMeetings.heldOn,
    })
    .from(onboardingMeetings)
    .innerJoin(establishments, eq(establishments.id, onboardingMeetings.establishmentId))
    .where(zoneId ? eq(establishments.zoneId, zoneId) : undefined);
  const documents = await db
    .select({
      establishmentId: onboardingDocuments.establishmentId,
      meeting: onboardingDocuments.meeting,
      id: onboardingDocuments.id,
      fileName: onboardingDocuments.fileName,
      sizeBytes: onboardingDocuments.sizeBytes,
    })
    .from(onboardingDocuments)
    .innerJoin(establishments, eq(establishments.id, onboardingDocuments.establishmentId))
    .where(zoneId ? eq(establishments.zoneId, zoneId) : undefined)
    .orderBy(asc(onboardingDocuments.uploadedAt), asc(onboardingDocuments.id));
  const counts = await db
    .select({ state: establishments.onboardingState, n: count() })
    .from(establishments)
    .where(zoneId ? eq(establishments.zoneId, zoneId) : undefined)
    .groupBy(establishments.onboardingState);
  return {
    schools: schools.map((school) => ({
      ...school,
      meetings: meetings.filter((meeting) => meeting.establishmentId === school.id),
      documents: documents.filter((document) => document.establishmentId === school.id),
    })),
    counts: Object.fromEntries(counts.map((row) => [row.state, row.n])) as Partial<Record<OnboardingState, number>>,
  };
}

export type TeamCursor = { code: string };

const teamColumns = { id: teams.id, code: teams.code, name: teams.name, party: teams.party, zoneCode: zones.code };
type TeamRow = { id: string; code: string; name: string; party: (typeof teams.$inferSelect)["party"]; zoneCode: string | null };

/** The teams' members, by name, read for those teams only; each team with its zone code. */
async function withMembers(db: Executor, rows: TeamRow[]) {
  const ids = rows.map((row) => row.id);
  const members = ids.length
    ? await db
        .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email, primary: teamMembers.isPrimary })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(inArray(teamMembers.teamId, ids))
        .orderBy(asc(users.name))
    : [];
  const byTeam = new Map<string, Omit<(typeof members)[number], "teamId">[]>(ids.map((id) => [id, []]));
  for (const { teamId, ...member } of members) byTeam.get(teamId)!.push(member);
  return rows.map(({ zoneCode, ...team }) => ({ ...team, zone: zoneCode, members: byTeam.get(team.id)! }));
}
export type TeamWithMembers = Awaited<ReturnType<typeof withMembers>>[number];

/**
 * One keyset page of teams (school queues excepted) with their zone and members, by code; `q` keeps those whose code
 * or name contains it. The partial index `teams_code_not_school_idx` serves the order without reading the queues.
 */
export async function teamsPage(
  db: Executor,
  options: { q?: string; after?: TeamCursor; limit: number },
): Promise<{ items: TeamWithMembers[]; next: TeamCursor | null }> {
  const rows = await db
    .select(teamColumns)
    .from(teams)
    .leftJoin(zones, eq(zones.id, teams.zoneId))
    .where(
      and(
        isNull(teams.establishmentId),
        options.q ? or(ilike(teams.code, containing(options.q)), ilike(teams.name, containing(options.q))) : undefined,
        options.after ? gt(teams.code, options.after.code) : undefined,
      ),
    )
    .orderBy(asc(teams.code))
    .limit(options.limit + 1);
  const { items, next } = keysetPage(rows, options.limit, (last) => ({ code: last.code }));
  return { items: await withMembers(db, items), next };
}

/** One team (school queues excepted) with its zone and members, or null. */
export async function teamWithMembers(db: Executor, code: string): Promise<TeamWithMembers | null> {
  const rows = await db
    .select(teamColumns)
    .from(teams)
    .leftJoin(zones, eq(zones.id, teams.zoneId))
    .where(and(isNull(teams.establishmentId), eq(teams.code, code)));
  const [team] = await withMembers(db, rows);
  return team ?? null;
}

export function listVendorsForAdmin(db: Database) {
  return db
    .select({ id: vendors.id, name: vendors.name, contractReference: vendors.contractReference, contactEmail: vendors.contactEmail })
    .from(vendors)
    .orderBy(asc(vendors.name));
}

export function listZonesForAdmin(db: Database) {
  return db
    .select({ id: zones.id, code: zones.code, name: zones.name, departements: zones.departements })
    .from(zones)
    .orderBy(asc(zones.name));
}

/** One onboarding meeting of a school as recorded (planned, held, notes), or null. */
export async function onboardingMeeting(
  db: Executor,
  establishmentId: string,
  meeting: (typeof onboardingMeetings.$inferSelect)["meeting"],
) {
  const [row] = await db
    .select({ plannedOn: onboardingMeetings.plannedOn, heldOn: onboardingMeetings.heldOn, notes: onboardingMeetings.notes })
    .from(onboardingMeetings)
    .where(and(eq(onboardingMeetings.establishmentId, establishmentId), eq(onboardingMeetings.meeting, meeting)));
  return row ?? null;
}
