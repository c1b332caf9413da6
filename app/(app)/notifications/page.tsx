import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { DateTime } from "@/components/ui/date-time";
import { Pager } from "@/components/ui/pager";
import { titled } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { parseFilterParams } from "@/lib/schemas/filter-params";
import { notificationsQuery } from "@/lib/schemas/notifications";
import { readMyNotifications } from "@/lib/services/notifications/my-notifications";
import { markAllRead } from "./actions";

export const generateMetadata = titled("notifications");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed-in person's notifications, newest first (keyset pages); each opens its ticket on the desk. */
export default async function NotificationsPage({ searchParams }: Props) {
  const { query, filters } = parseFilterParams(notificationsQuery, ["unread"], await searchParams);
  const caller = await pageCaller();
  const [page, t] = await Promise.all([readMyNotifications(caller, query), getTranslations("notifications")]);
  const nextHref = page.next ? `?${new URLSearchParams([...filters, ["cursor", encodeCursor(page.next)]])}` : null;

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium" data-testid="unread-count">
          {t("unread", { count: page.unreadCount })}
        </p>
        {page.items.length > 0 && <MarkAllReadButton action={markAllRead} />}
      </div>
      {page.items.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {page.items.map((item) => (
            <li key={item.id} className={`px-4 py-3 ${item.readAt ? "" : "bg-brand-50"}`} data-notification-id={item.id}>
              <Link
                href={`/bureau/tickets/${encodeURIComponent(item.reference)}`}
                className="break-words font-medium text-brand-700 underline"
              >
                {t(`item.${item.kind}`, { reference: item.reference, title: item.title })}
              </Link>
              <p className="mt-1 text-xs text-slate-600">
                <DateTime value={item.createdAt} />
                {!item.readAt && <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-white">{t("unreadBadge")}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={nextHref} firstHref={query.cursor ? "/notifications" : null} nextLabel={t("next")} firstLabel={t("first")} />
    </section>
  );
}
