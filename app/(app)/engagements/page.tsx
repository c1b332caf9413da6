import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SlaSummaryTables } from "@/components/sla/sla-summary-tables";
import { dateWriter } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { readSlaSummary, SUMMARY_DAYS } from "@/lib/services/sla/sla-summary";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("slaSummary");

/** Per-team and per-vendor SLA compliance over 30 days, for sector leads (their zone), the service lead and admins. */
export default async function SlaSummaryPage() {
  const caller = await pageCaller();
  const summary = await readSlaSummary(caller, new Date());
  if (!summary) notFound();
  const [t, write] = await Promise.all([getTranslations("sla.summary"), dateWriter()]);
  const day = (value: Date) => write.moment(value, "date");

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/bureau?file=at-risk" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
          {t("atRiskLink")}
        </Link>
      </div>
      <p className="mt-2 text-slate-600">{t("intro", { days: SUMMARY_DAYS, since: day(summary.since), now: day(summary.now) })}</p>
      <SlaSummaryTables teams={summary.teams} total={summary.total} vendors={summary.vendors} />
      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <h2 className="text-lg font-medium">{t("how.title")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("how.period", { days: SUMMARY_DAYS })}</li>
          <li>{t("how.own")}</li>
          <li>{t("how.resolve")}</li>
          <li>{t("how.open")}</li>
          <li>{t("how.escalations")}</li>
          <li>{t("how.vendors")}</li>
        </ul>
      </section>
    </section>
  );
}
