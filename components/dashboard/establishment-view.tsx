import type { EstablishmentDashboard } from "@/lib/domain/dashboard";
import { formatBusinessMinutes } from "@/lib/domain/dashboard-statistics";
import { percent, type DashboardLinks, type TableSpec, type Translate } from "@/lib/presentation/dashboard-tables";
import { ChartPanel } from "./chart-panel";
import { BarsChart, ColumnsChart } from "./charts";
import { FigureCard } from "./figure-card";
import { SpecTable, type TableLabels } from "./spec-table";
import { TimeSection } from "./time-section";

type Props = {
  dashboard: EstablishmentDashboard;
  tables: TableSpec[];
  t: Translate;
  links: DashboardLinks;
  locale: string;
  /** The CSV address of a table; null on the printed report. */
  csv: (table: string) => string | null;
  tableLabels: (title: string) => TableLabels;
};

const COLORS = { opened: "#1d4ed8", openedLight: "#93c5fd", resolved: "#047857", resolvedLight: "#6ee7b7" };

/** A school's dashboard body: now, the period, the equipment; shared by the page and the annual report. */
export function EstablishmentView({ dashboard: d, tables, t, links, locale, csv, tableLabels }: Props) {
  const table = (id: string) => tables.find((spec) => spec.id === id)!;
  const render = (id: string) => <SpecTable table={table(id)} csvHref={csv(id)} labels={tableLabels(table(id).title)} />;
  // The printed report (no CSV) shows each chart's figures; the page folds them under the chart.
  const charted = (id: string, chart: React.ReactNode) => (
    <ChartPanel table={table(id)} chart={chart} csvHref={csv(id)} labels={tableLabels(table(id).title)} open={csv(id) === null} />
  );
  const hint = t("howComputed");
  const number = (value: number) => value.toLocaleString(locale);
  const range = `${d.period.from}..${d.period.to}`;
  const periodText = t("periodFromTo", {
    from: d.period.from.split("-").reverse().join("/"),
    to: d.period.to.split("-").reverse().join("/"),
  });

  return (
    <div className="space-y-8">
      <section aria-labelledby="now" className="space-y-4">
        <h2 id="now" className="text-xl font-semibold">
          {t("sections.now")}
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <FigureCard
            label={t("figures.open")}
            value={number(d.open.total)}
            hint={t("figures.openHint")}
            hintLabel={hint}
            href={links.drill({ open: "true" })}
            testId="figure-open"
          />
          <FigureCard
            label={t("figures.breached")}
            value={number(d.open.breached)}
            hint={t("figures.breachedHint")}
            hintLabel={hint}
            href={links.drill({ open: "true", sla: "breached" })}
            tone={d.open.breached > 0 ? "alert" : "default"}
          />
          <FigureCard
            label={t("figures.atRisk")}
            value={number(d.open.atRisk)}
            hint={t("figures.atRiskHint")}
            hintLabel={hint}
            href={links.drill({ open: "true", sla: "at_risk" })}
          />
          <FigureCard
            label={t("figures.ownQueue")}
            value={number(d.open.waitingForSchool.ownQueue)}
            hint={t("figures.ownQueueHint")}
            hintLabel={hint}
            href={links.drill({ open: "true", own: "true" })}
          />
          <FigureCard
            label={t("figures.waitingRequester")}
            value={number(d.open.waitingForSchool.waitingRequester)}
            hint={t("figures.waitingRequesterHint")}
            hintLabel={hint}
            href={links.drill({ open: "true", status: "waiting_requester" })}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {charted(
            "open-status",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.count")}
              rows={table("open-status").rows.map((row) => ({
                label: row[0]!.text ?? String(row[0]!.value),
                value: Number(row[1]!.value),
              }))}
            />,
          )}
          {charted(
            "open-priority",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.count")}
              color="#b45309"
              rows={table("open-priority").rows.map((row) => ({ label: String(row[0]!.value), value: Number(row[1]!.value) }))}
            />,
          )}
        </div>
        {render("oldest")}
        {render("sla-alerts")}
      </section>

      <section aria-labelledby="period" className="space-y-4">
        <h2 id="period" className="text-xl font-semibold">
          {t("sections.period")} <span className="text-base font-normal text-slate-600">({periodText})</span>
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <FigureCard
            label={t("figures.opened")}
            value={number(d.opened.total)}
            detail={t("figures.openedSplit", { incidents: d.opened.incidents, requests: d.opened.requests })}
            hint={t("figures.openedHint")}
            hintLabel={hint}
            href={links.drill({ opened: range })}
            testId="figure-opened"
          />
          <FigureCard
            label={t("figures.resolved")}
            value={number(d.resolved.total)}
            detail={t("figures.openedSplit", { incidents: d.resolved.incidents, requests: d.resolved.requests })}
            hint={t("figures.resolvedHint")}
            hintLabel={hint}
            href={links.drill({ resolved: range })}
          />
          <FigureCard
            label={t("figures.tto")}
            value={formatBusinessMinutes(d.timeToOwn.medianMinutes)}
            detail={`${t("figures.medianP90", { median: formatBusinessMinutes(d.timeToOwn.medianMinutes), p90: formatBusinessMinutes(d.timeToOwn.p90Minutes) })} · ${t("figures.onTickets", { count: d.timeToOwn.count })}`}
            hint={t("figures.ttoHint")}
            hintLabel={hint}
            testId="figure-tto"
          />
          <FigureCard
            label={t("figures.ttr")}
            value={formatBusinessMinutes(d.timeToResolve.medianMinutes)}
            detail={`${t("figures.medianP90", { median: formatBusinessMinutes(d.timeToResolve.medianMinutes), p90: formatBusinessMinutes(d.timeToResolve.p90Minutes) })} · ${t("figures.onTickets", { count: d.timeToResolve.count })}`}
            hint={t("figures.ttrHint")}
            hintLabel={hint}
            testId="figure-ttr"
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
            label={t("figures.satisfaction")}
            value={
              d.satisfaction.average === null
                ? "–"
                : t("figures.satisfactionValue", { average: d.satisfaction.average.toLocaleString(locale) })
            }
            detail={t("figures.ratings", { count: d.satisfaction.count })}
            hint={t("figures.satisfactionHint")}
            hintLabel={hint}
            testId="figure-satisfaction"
          />
        </div>
        {charted(
          "weeks",
          <ColumnsChart
            empty={t("noData")}
            categoryKey="week"
            rows={d.weeks.map((week) => ({
              week: week.week.slice(5).split("-").reverse().join("/"),
              opened: week.openedIncidents + week.openedRequests,
              resolved: week.resolvedIncidents + week.resolvedRequests,
            }))}
            series={[
              { key: "opened", label: t("chart.opened"), color: COLORS.opened },
              { key: "resolved", label: t("chart.resolved"), color: COLORS.resolved },
            ]}
          />,
        )}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {charted(
            "services",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.opened")}
              rows={d.byService.map((service) => ({ label: service.name, value: service.openedIncidents + service.openedRequests }))}
            />,
          )}
          {charted(
            "resolved-by",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.resolved")}
              color={COLORS.resolved}
              rows={d.resolvedBy.map((row) => ({ label: t(`parties.${row.party}`), value: row.count }))}
            />,
          )}
          {charted(
            "channels",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.opened")}
              rows={d.byChannel.map((row) => ({ label: t(`channels.${row.channel}`), value: row.count }))}
            />,
          )}
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {render("durations")}
          {render("ratings")}
        </div>
      </section>

      <TimeSection
        d={d}
        t={t}
        number={number}
        drill={links.drill}
        hint={hint}
        render={render}
        tables={["time-technicians", "time-months"]}
      />

      <section aria-labelledby="equipment" className="space-y-4">
        <h2 id="equipment" className="text-xl font-semibold">
          {t("sections.equipment")}
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <FigureCard
            label={t("figures.equipmentTotal")}
            value={number(d.equipment.total)}
            hint={t("figures.equipmentTotalHint")}
            hintLabel={hint}
            href={links.inventory({})}
          />
          <FigureCard
            label={t("figures.outOfWarranty")}
            value={percent(d.equipment.outOfWarranty.share, locale)}
            detail={t("figures.metOf", { met: d.equipment.outOfWarranty.count, counted: d.equipment.outOfWarranty.known })}
            hint={t("figures.outOfWarrantyHint")}
            hintLabel={hint}
            href={links.inventory({ warranty: "expired" })}
          />
          <FigureCard
            label={t("figures.renewal")}
            value={number(d.equipment.renewalCandidates)}
            hint={t("figures.renewalHint")}
            hintLabel={hint}
            href={links.inventory({ renewal: "true" })}
          />
          <FigureCard
            label={t("figures.mixedRooms")}
            value={number(d.equipment.mixedRooms.length)}
            hint={t("figures.mixedRoomsHint")}
            hintLabel={hint}
          />
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {charted(
            "equipment-classes",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.count")}
              rows={d.equipment.byClass.map((row) => ({ label: t(`classes.${row.class}`), value: row.count }))}
            />,
          )}
          {charted(
            "equipment-ages",
            <BarsChart
              empty={t("noData")}
              valueLabel={t("chart.count")}
              color="#7c3aed"
              rows={d.equipment.ageBands.map((band) => ({
                label: band.years === "unknown" ? t("ageUnknown") : band.years,
                value: band.count,
              }))}
            />,
          )}
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {render("equipment-statuses")}
          {render("most-incidents")}
        </div>
        {render("mixed-rooms")}
      </section>
    </div>
  );
}
