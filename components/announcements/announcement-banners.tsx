import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dateWriter } from "@/components/ui/date-time";
import type { FormAction } from "@/components/ui/use-action-form";
import { ReportAffectedForm } from "./report-affected-form";

export type BannerView = {
  id: string;
  title: string;
  body: string;
  kind: "outage" | "planned";
  startsAt: Date;
  endsAt: Date;
  reported: boolean;
};

/**
 * The announced incidents and works on now that concern the reader: "Incident connu : … Inutile de le signaler.", and
 * for a school's staff the button that links their school to it instead of a new ticket.
 */
export async function AnnouncementBanners({
  banners,
  canReport,
  action,
}: {
  banners: BannerView[];
  canReport: boolean;
  action: FormAction;
}) {
  if (!banners.length) return null;
  const [t, write] = await Promise.all([getTranslations("announcements"), dateWriter()]);
  return (
    <div className="space-y-3">
      {banners.map((banner) => (
        <section
          key={banner.id}
          aria-labelledby={`announcement-${banner.id}`}
          className={`rounded-lg border p-4 ${banner.kind === "outage" ? "border-amber-300 bg-amber-50" : "border-sky-200 bg-sky-50"}`}
        >
          <h2 id={`announcement-${banner.id}`} className="font-semibold text-slate-900">
            {t(`banner.${banner.kind}`, { title: banner.title })}
          </h2>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{banner.body}</p>
          <p className="mt-1 text-sm text-slate-700">
            {t("banner.period", { from: write.moment(banner.startsAt, "short"), to: write.moment(banner.endsAt, "short") })}
          </p>
          {canReport && banner.kind === "outage" && (
            <div className="mt-3">
              {banner.reported ? (
                <p className="text-sm text-slate-800">{t("banner.alreadyConcerned")}</p>
              ) : (
                <ReportAffectedForm announcementId={banner.id} action={action} />
              )}
            </div>
          )}
          <Link href="/etat-des-services" className="mt-2 inline-block text-sm text-brand-700 underline">
            {t("banner.statusLink")}
          </Link>
        </section>
      ))}
    </div>
  );
}
