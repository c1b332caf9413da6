import { and, eq, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishmentReferents, notificationPreferences, notifications, teamMembers, tickets, users } from "@/db/schema";
import type { Delivery, StaffNotificationKind } from "@/lib/domain/staff-notifications";
import { preparedStatement } from "./prepared";

/** Someone a staff notification's e-mail goes to. */
export type MailablePerson = { id: string; email: string; name: string };

const mailable = { id: users.id, email: users.email, name: users.name };

/** Staff only: school staff are never told of the desk's work, whatever team they sit in. */
const staffOnly = () => and(isNull(users.disabledAt), notInArray(users.role, ["requester", "manager"]));

/**
 * Someone a piece of staff news may concern, active, and why: named in it (`direct`) or a member of its teams
 * (`team`), both staff only; the school's referent (`referent`, whatever their role); with their stored choices per
 * kind (null: none, the rule's defaults).
 */
export type StaffNewsCandidate = MailablePerson & {
  direct: boolean;
  team: boolean;
  referent: boolean;
  preferences: Partial<Record<StaffNotificationKind, Delivery>> | null;
};

/**
 * Everyone a piece of news may concern, in one statement (a filing plans its news on the hot path): the people named,
 * the teams' members and the school's referent, each once, by id.
 */
export function staffNewsCandidates(
  db: Executor,
  audience: { direct: readonly string[]; teamIds: readonly string[]; establishmentId: string },
): Promise<StaffNewsCandidate[]> {
  return staffNewsCandidatesStatement(db).execute(audience);
}

const staffNewsCandidatesStatement = preparedStatement((db) => {
  const named = sql`${sql.placeholder("direct")}::uuid[]`;
  const teamIds = sql`${sql.placeholder("teamIds")}::uuid[]`;
  const establishmentId = sql.placeholder("establishmentId");
  const members = sql`SELECT ${teamMembers.userId} FROM ${teamMembers} WHERE ${teamMembers.teamId} = ANY(${teamIds})`;
  const referent = sql`SELECT ${establishmentReferents.referentId} FROM ${establishmentReferents} WHERE ${establishmentReferents.establishmentId} = ${establishmentId}`;
  const choices = sql`SELECT json_object_agg(${notificationPreferences.kind}, ${notificationPreferences.delivery}) FROM ${notificationPreferences} WHERE ${notificationPreferences.userId} = ${users.id}`;
  // Each field is one nested fragment: Drizzle leaves a single table's selected columns unqualified at the top level
  // only, and the subqueries' `users`.id must stay qualified (a bare "id" could name a column of their own table).
  return db
    .select({
      ...mailable,
      direct: sql<boolean>`${and(staffOnly(), sql`${users.id} = ANY(${named})`)}`,
      team: sql<boolean>`${and(staffOnly(), sql`${users.id} IN (${members})`)}`,
      referent: sql<boolean>`${sql`${users.id} IN (${referent})`}`,
      preferences: sql<StaffNewsCandidate["preferences"]>`${sql`(${choices})`}`,
    })
    .from(users)
    .where(and(isNull(users.disabledAt), sql`${users.id} IN (SELECT unnest(${named}) UNION ${members} UNION ${referent})`))
    .orderBy(users.id)
    .prepare("staff_news_candidates");
});

/** What a ticket's notifications depend on: its school and whether it was opened in a critical period; null if unknown. */
export async function ticketNotificationFacts(db: Executor, ticketId: string) {
  const [ticket] = await db
    .select({ establishmentId: tickets.establishmentId, criticalPeriodId: tickets.criticalPeriodId })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return ticket ?? null;
}

/** The stored choices per person and kind (a kind without a row follows the default of the rule). */
export async function notificationPreferencesOf(db: Executor, userIds: string[]) {
  const preferences = new Map<string, Partial<Record<StaffNotificationKind, Delivery>>>();
  if (userIds.length === 0) return preferences;
  const rows = await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
  for (const row of rows) preferences.set(row.userId, { ...preferences.get(row.userId), [row.kind]: row.delivery });
  return preferences;
}

/** An active account's address and name, or null. */
export async function activeMailablePerson(db: Executor, userId: string): Promise<MailablePerson | null> {
  const [person] = await db
    .select(mailable)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return person ?? null;
}

/** Notifications waiting for a digest, created up to the slot. */
export const pendingDigest = (slot: Date) =>
  and(eq(notifications.delivery, "digest"), isNull(notifications.digestedAt), lte(notifications.createdAt, slot));

/** Who has notifications waiting for the slot's digest. */
export async function digestRecipientIds(db: Executor, slot: Date): Promise<string[]> {
  const rows = await db.selectDistinct({ id: notifications.recipientId }).from(notifications).where(pendingDigest(slot));
  return rows.map((row) => row.id);
}
