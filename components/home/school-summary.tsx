import { getLocale, getTranslations } from "next-intl/server";
import { FigureCard } from "@/components/dashboard/figure-card";
import { schoolDashboardHref } from "@/lib/presentation/dashboard-links";
import type { EstablishmentDashboard } from "@/lib/domain/dashboard";
import { percent } from "@/lib/presentation/dashboard-tables";
import { HomeSection } from "./home-section";

/** A head's school at a glance: the dashboard's headline figures over 30 days, each one a step from the full dashboard. */
export async function SchoolSummary({ dashboard: d }: { dashboard: EstablishmentDashboard }) {
  const [t, tHome, locale] = await Promise.all([getTranslations("dashboards"), getTranslations("shell.home"), getLocale()]);
  const hint = t("howComputed");
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <HomeSection
      id={`home-school-${d.establishment.uai}`}
      title={tHome("schoolTitle", { name: d.establishment.name })}
      more={{ href: schoolDashboardHref(d.establishment.uai), label: t("openDashboard") }}
    >
      <div className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="home-school-summary">
        <FigureCard label={t("figures.open")} value={number(d.open.total)} hint={t("figures.openHint")} hintLabel={hint} />
        <FigureCard
          label={t("figures.breached")}
          value={number(d.open.breached)}
          hint={t("figures.breachedHint")}
          hintLabel={hint}
          tone={d.open.breached > 0 ? "alert" : "default"}
        />
        <FigureCard
          label={t("figures.waitingRequester")}
          value={number(d.open.waitingForSchool.waitingRequester)}
          hint={t("figures.waitingRequesterHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.ttrCompliance")}
          value={percent(d.sla.ttrCompliance, locale)}
          detail={tHome("last30Days")}
          hint={t("figures.ttrComplianceHint")}
          hintLabel={hint}
        />
      </div>
    </HomeSection>
  );
}
