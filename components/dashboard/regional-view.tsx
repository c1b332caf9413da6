import type { RegionalDashboard } from "@/lib/domain/dashboard";
import { formatBusinessMinutes } from "@/lib/domain/dashboard-statistics";
import { percent, type TableSpec, type Translate } from "@/lib/presentation/dashboard-tables";
import { ChartPanel } from "./chart-panel";
import { ColumnsChart } from "./charts";
import { FigureCard } from "./figure-card";
import { SpecTable, type TableLabels } from "./spec-table";
import { TimeSection } from "./time-section";

type Props = {
  dashboard: RegionalDashboard;
  tables: TableSpec[];
  t: Translate;
  locale: string;
  drill: (filters: Record<string, string>) => string | null;
  csv: (table: string) => string | null;
  tableLabels: (title: string) => TableLabels;
  /** The schools' table: sortable headers and the compare form. */
  schools: {
    sortHref: (key: string) => string | null;
    sorted: { key: string; direction: "asc" | "desc" };
    compareAction: string;
    periodFields: Record<string, string>;
  } | null;
};

/** The regional view's body: the zone's (or Région's) figures, then per zone, school, team and vendor. */
export function RegionalView({ dashboard: d, tables, t, locale, drill, csv, tableLabels, schools }: Props) {
  const table = (id: string) => tables.find((spec) => spec.id === id)!;
  const render = (id: string) => <SpecTable table={table(id)} csvHref={csv(id)} labels={tableLabels(table(id).title)} />;
  const hint = t("howComputed");
  const number = (value: number) => value.toLocaleString(locale);
  const range = `${d.period.from}..${d.period.to}`;
  const vendorsEnded = d.vendors.reduce((sum, vendor) => sum + vendor.ended + vendor.lateOpen, 0);
  const vendorsOnTime = d.vendors.reduce((sum, vendor) => sum + vendor.onTime, 0);
  return (
    <div className="space-y-8">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <FigureCard
          label={t("figures.open")}
          value={number(d.open.total)}
          hint={t("figures.openHint")}
          hintLabel={hint}
          href={drill({ open: "true" })}
        />
        <FigureCard
          label={t("figures.breached")}
          value={number(d.open.breached)}
          hint={t("figures.breachedHint")}
          hintLabel={hint}
          href={drill({ open: "true", sla: "breached" })}
          tone={d.open.breached > 0 ? "alert" : "default"}
        />
        <FigureCard
          label={t("figures.opened")}
          value={number(d.opened.total)}
          detail={t("figures.openedSplit", { incidents: d.opened.incidents, requests: d.opened.requests })}
          hint={t("figures.openedHint")}
          hintLabel={hint}
          href={drill({ opened: range })}
        />
        <FigureCard
          label={t("figures.resolved")}
          value={number(d.resolved.total)}
          hint={t("figures.resolvedHint")}
          hintLabel={hint}
          href={drill({ resolved: range })}
        />
        <FigureCard
          label={t("figures.ttoCompliance")}
          value={percent(d.sla.ttoCompliance, locale)}
          detail={t("figures.metOf", { met: d.sla.ttoMet, counted: d.sla.ttoCounted })}
          hint={t("figures.ttoComplianceHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.ttrCompliance")}
          value={percent(d.sla.ttrCompliance, locale)}
          detail={t("figures.metOf", { met: d.sla.ttrMet, counted: d.sla.ttrCounted })}
          hint={t("figures.ttrComplianceHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.ttr")}
          value={formatBusinessMinutes(d.timeToResolve.medianMinutes)}
          detail={t("figures.medianP90", {
            median: formatBusinessMinutes(d.timeToResolve.medianMinutes),
            p90: formatBusinessMinutes(d.timeToResolve.p90Minutes),
          })}
          hint={t("figures.ttrHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.satisfaction")}
          value={
            d.satisfaction.average === null
              ? "–"
              : t("figures.satisfactionValue", { average: d.satisfaction.average.toLocaleString(locale) })
          }
          detail={t("figures.ratings", { count: d.satisfaction.count })}
          hint={t("figures.satisfactionHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.vendorCompliance")}
          value={percent(vendorsEnded > 0 ? vendorsOnTime / vendorsEnded : null, locale)}
          detail={t("figures.metOf", { met: vendorsOnTime, counted: vendorsEnded })}
          hint={t("figures.vendorComplianceHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.equipmentTotal")}
          value={number(d.equipment.total)}
          hint={t("figures.equipmentTotalHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.outOfWarranty")}
          value={percent(d.equipment.outOfWarranty.share, locale)}
          hint={t("figures.outOfWarrantyHint")}
          hintLabel={hint}
        />
        <FigureCard
          label={t("figures.renewal")}
          value={number(d.equipment.renewalCandidates)}
          hint={t("figures.renewalHint")}
          hintLabel={hint}
        />
      </div>
      <ChartPanel
        table={table("weeks")}
        csvHref={csv("weeks")}
        labels={tableLabels(table("weeks").title)}
        open={csv("weeks") === null}
        chart={
          <ColumnsChart
            empty={t("noData")}
            categoryKey="week"
            rows={d.weeks.map((week) => ({
              week: week.week.slice(5).split("-").reverse().join("/"),
              opened: week.openedIncidents + week.openedRequests,
              resolved: week.resolvedIncidents + week.resolvedRequests,
            }))}
            series={[
              { key: "opened", label: t("chart.opened"), color: "#1d4ed8" },
              { key: "resolved", label: t("chart.resolved"), color: "#047857" },
            ]}
          />
        }
      />
      {d.zones.length > 1 && render("zones")}
      {schools ? (
        <form action={schools.compareAction} className="space-y-2">
          {Object.entries(schools.periodFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <SpecTable
            table={table("establishments")}
            csvHref={csv("establishments")}
            labels={tableLabels(table("establishments").title)}
            sortHref={schools.sortHref}
            sorted={schools.sorted}
            sortLabel={(column) => t("sortBy", { column })}
            selectName="uai"
            selectLabel={t("columns.select")}
          />
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 print:hidden">
            <button className="rounded-md border border-brand-700 px-3 py-1.5 font-medium text-brand-700">{t("compare")}</button>
            {t("compareHelp")}
          </p>
        </form>
      ) : (
        render("establishments")
      )}
      {render("teams")}
      {render("vendors")}
      {render("deflections-services")}
      {render("deflections-establishments")}
      {render("channels")}
      <TimeSection
        d={d}
        t={t}
        number={number}
        drill={drill}
        hint={hint}
        render={render}
        tables={["time-schools", "time-technicians", "time-months"]}
      />
    </div>
  );
}
