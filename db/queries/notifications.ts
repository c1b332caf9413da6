import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications, tickets } from "@/db/schema";
import type { NotificationCursor } from "@/lib/schemas/notifications";

export type NotificationRow = Awaited<ReturnType<typeof notificationPage>>["items"][number];

/** One keyset page of a person's notifications, newest first. Only their own: the recipient is the scope. */
export async function notificationPage(
  db: Executor,
  recipientId: string,
  options: { unread: boolean; after?: NotificationCursor; limit: number },
) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      delivery: notifications.delivery,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      cursorAt: sql<string>`${notifications.createdAt}::text`,
      reference: tickets.reference,
      title: tickets.title,
    })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        options.unread ? isNull(notifications.readAt) : undefined,
        options.after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, next: rows.length > options.limit && last ? { at: last.cursorAt, id: last.id } : null };
}

export async function unreadCount(db: Executor, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}
