import type { TimeFigures } from "@/lib/domain/dashboard";
import { hoursAndMinutes } from "@/lib/domain/interventions";
import type { Translate } from "@/lib/presentation/dashboard-tables";
import { FigureCard } from "./figure-card";

type Props = {
  d: { time: TimeFigures; period: { from: string; to: string } };
  t: Translate;
  number: (value: number) => string;
  drill: (filters: Record<string, string>) => string | null;
  hint: string;
  render: (id: string) => React.ReactNode;
  /** The time tables this dashboard has (a school's has no per-school table). */
  tables: string[];
};

/** The time spent on interventions in the period, and the on-site visits (issue 14), with their tables. */
export function TimeSection({ d, t, number, drill, hint, render, tables }: Props) {
  const { total } = d.time;
  const range = `${d.period.from}..${d.period.to}`;
  return (
    <section aria-labelledby="time" className="space-y-4">
      <h2 id="time" className="text-xl font-semibold">
        {t("sections.time")}
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <FigureCard
          label={t("figures.timeSpent")}
          value={t("figures.timeSpentValue", hoursAndMinutes(total.minutes))}
          detail={t("figures.timeSpentDetail", { count: total.count, travel: total.travelMinutes })}
          hint={t("figures.timeSpentHint")}
          hintLabel={hint}
          href={drill({ intervened: range })}
          testId="figure-time"
        />
        <FigureCard
          label={t("figures.onSite")}
          value={number(total.onSite)}
          hint={t("figures.onSiteHint")}
          hintLabel={hint}
          href={drill({ intervened: range, onSite: "true" })}
          testId="figure-on-site"
        />
      </div>
      {tables.map((id) => (
        <div key={id}>{render(id)}</div>
      ))}
    </section>
  );
}
