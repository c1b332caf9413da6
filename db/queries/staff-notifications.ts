import { and, eq, inArray, isNull, lte, notInArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishmentReferents, notificationPreferences, notifications, teamMembers, tickets, users } from "@/db/schema";
import type { Delivery, StaffNotificationKind } from "@/lib/domain/staff-notifications";

/** Someone a staff notification's e-mail goes to. */
export type MailablePerson = { id: string; email: string; name: string };

const mailable = { id: users.id, email: users.email, name: users.name };

/** Staff only: school staff are never told of the desk's work, whatever team they sit in. */
const staffOnly = () => and(isNull(users.disabledAt), notInArray(users.role, ["requester", "manager"]));

/** The active staff among the people named. */
export async function activeStaffAmong(db: Executor, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), staffOnly()));
  return rows.map((row) => row.id);
}

/** The active staff members of the teams, each once. */
export async function activeStaffOfTeams(db: Executor, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, teamIds), staffOnly()));
  return rows.map((row) => row.id);
}

/** What a ticket's notifications depend on: its school and whether it was opened in a critical period; null if unknown. */
export async function ticketNotificationFacts(db: Executor, ticketId: string) {
  const [ticket] = await db
    .select({ establishmentId: tickets.establishmentId, criticalPeriodId: tickets.criticalPeriodId })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return ticket ?? null;
}

/** The school's active referent's id, or null. */
export async function activeReferentOf(db: Executor, establishmentId: string): Promise<string | null> {
  const [referent] = await db
    .select({ id: establishmentReferents.referentId })
    .from(establishmentReferents)
    .innerJoin(users, eq(users.id, establishmentReferents.referentId))
    .where(and(eq(establishmentReferents.establishmentId, establishmentId), isNull(users.disabledAt)));
  return referent?.id ?? null;
}

/** The stored choices per person and kind (a kind without a row follows the default of the rule). */
export async function notificationPreferencesOf(db: Executor, userIds: string[]) {
  const preferences = new Map<string, Partial<Record<StaffNotificationKind, Delivery>>>();
  if (userIds.length === 0) return preferences;
  const rows = await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
  for (const row of rows) preferences.set(row.userId, { ...preferences.get(row.userId), [row.kind]: row.delivery });
  return preferences;
}

/** The people's addresses and names (whoever is asked for: the caller has already chosen them). */
export function mailablePeople(db: Executor, userIds: string[]): Promise<MailablePerson[]> {
  return db.select(mailable).from(users).where(inArray(users.id, userIds));
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
