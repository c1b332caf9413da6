import { and, eq, inArray, isNull } from "drizzle-orm";
import { database } from "@/db/client";
import { notificationPage, unreadCount } from "@/db/queries/notifications";
import { notificationPreferencesOf } from "@/db/queries/staff-notifications";
import { notificationPreferences, notifications } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { STAFF_NOTIFICATION_KINDS, type Delivery, type StaffNotificationKind } from "@/lib/domain/staff-notifications";
import type { NotificationsQuery, PreferenceChoice } from "@/lib/schemas/notifications";
import { succeed, type ServiceResult } from "../service-result";

/**
 * A person's own notifications: every query is scoped to the caller as recipient, so there is nothing to refuse
 * (someone else's id is simply not found, and not marked).
 */
export async function readMyNotifications(caller: Caller, query: NotificationsQuery) {
  const db = database();
  const page = await notificationPage(db, caller.id, { unread: query.unread, after: query.cursor, limit: query.limit });
  return { ...page, unreadCount: await unreadCount(db, caller.id) };
}

export const myUnreadCount = (caller: Caller) => unreadCount(database(), caller.id);

/** Marks the caller's notifications read: those named (others' ids are ignored), or all. Returns how many changed. */
export async function markMyNotificationsRead(
  caller: Caller,
  ids: string[] | undefined,
  now: Date,
): Promise<{ marked: number; unreadCount: number }> {
  // One statement, scoped to the caller: no separate authorization to make.
  const db = database();
  if (ids && ids.length === 0) return { marked: 0, unreadCount: await unreadCount(db, caller.id) };
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, caller.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return { marked: marked.length, unreadCount: await unreadCount(db, caller.id) };
}

/** The caller's stored choices per kind (a kind without a row follows the default of the rule). */
export async function readMyPreferences(caller: Caller): Promise<Partial<Record<StaffNotificationKind, Delivery>>> {
  const preferences = await notificationPreferencesOf(database(), [caller.id]);
  return preferences.get(caller.id) ?? {};
}

/** Stores the caller's choice per kind; `default` removes it (the rule's default applies again). */
export async function saveMyPreferences(
  caller: Caller,
  choices: Record<StaffNotificationKind, PreferenceChoice>,
  now: Date,
): Promise<ServiceResult<null>> {
  await database().transaction(async (tx) => {
    for (const kind of STAFF_NOTIFICATION_KINDS) {
      const choice = choices[kind];
      if (choice === "default") {
        await tx
          .delete(notificationPreferences)
          .where(and(eq(notificationPreferences.userId, caller.id), eq(notificationPreferences.kind, kind)));
        continue;
      }
      await tx
        .insert(notificationPreferences)
        .values({ userId: caller.id, kind, delivery: choice, updatedAt: now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { delivery: choice, updatedAt: now },
        });
    }
  });
  return succeed(null);
}
