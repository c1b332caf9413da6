import { invalidRequest, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import type { NotificationRow } from "@/db/queries/notifications";
import { encodeCursor } from "@/lib/schemas/cursor";
import { notificationsQuery, type NotificationJson } from "@/lib/schemas/notifications";
import { readMyNotifications } from "@/lib/services/notifications/my-notifications";

export const dynamic = "force-dynamic";

const notificationJson = (row: NotificationRow): NotificationJson => ({
  id: row.id,
  kind: row.kind,
  ticket: { reference: row.reference, title: row.title },
  delivery: row.delivery,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** GET /api/v1/me/notifications?unread=true&cursor=&limit= → {items, unreadCount, nextCursor}: the caller's own, newest first. */
export const GET = apiRoute(async (request: Request) => {
  const query = notificationsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const page = await readMyNotifications(caller, query.data);
  return Response.json({
    items: page.items.map(notificationJson),
    unreadCount: page.unreadCount,
    nextCursor: page.next ? encodeCursor(page.next) : null,
  });
});
