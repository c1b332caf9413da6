import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";

type Announcement = {
  id: string;
  title: string;
  body: string;
  kind: "outage" | "planned";
  startsAt: Date;
  endsAt: Date;
  zones: string[];
  establishments: string[];
  services: string[];
  majorTicket: string | null;
};

/** One part of the status page (on now, to come): each announcement with its period and whom it concerns. */
export async function AnnouncementList({
  id,
  title,
  empty,
  announcements,
}: {
  id: string;
  title: string;
  empty: string;
  announcements: Announcement[];
}) {
  const [t, write] = await Promise.all([getTranslations("announcements"), dateWriter()]);
  const scopeOf = (announcement: Announcement) => {
    const parts = [
      announcement.zones.length ? t("status.zones", { codes: announcement.zones.join(", ") }) : null,
      announcement.establishments.length ? t("status.establishments", { codes: announcement.establishments.join(", ") }) : null,
      announcement.services.length ? t("status.services", { codes: announcement.services.join(", ") }) : null,
    ].filter((part) => part !== null);
    if (!announcement.zones.length && !announcement.establishments.length) parts.unshift(t("status.everyone"));
    return parts.join(" · ");
  };
  return (
    <section aria-labelledby={`status-${id}`} className="space-y-3">
      <h2 id={`status-${id}`} className="text-lg font-semibold">
        {title}
      </h2>
      {announcements.length === 0 ? (
        <p className="text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {announcements.map((announcement) => (
            <li key={announcement.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm font-medium text-slate-700">{t(`kinds.${announcement.kind}`)}</p>
              <h3 className="font-semibold break-words">{announcement.title}</h3>
              <p className="mt-1 text-sm whitespace-pre-line">{announcement.body}</p>
              <p className="mt-1 text-sm text-slate-700">
                {t("status.period", { from: write.moment(announcement.startsAt, "short"), to: write.moment(announcement.endsAt, "short") })}
              </p>
              <p className="text-sm text-slate-700 break-words">{t("status.scope", { scope: scopeOf(announcement) })}</p>
              {announcement.majorTicket && (
                <p className="text-sm text-slate-700">{t("status.majorTicket", { reference: announcement.majorTicket })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
