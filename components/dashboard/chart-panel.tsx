import type { TableSpec } from "@/lib/presentation/dashboard-tables";
import { SpecTable, type TableLabels } from "./spec-table";

type Props = {
  table: TableSpec;
  /** The chart drawing the table's figures (charts.tsx). */
  chart: React.ReactNode;
  csvHref: string | null;
  labels: TableLabels;
  /** The printed report shows the figures; the page folds them away under the chart. */
  open: boolean;
};

/**
 * A chart under its title, with the table holding the same figures folded into "Voir les données"
 * (what a screen reader reads, and the CSV export): on a phone the page is the charts, not each
 * chart followed by its table.
 */
export function ChartPanel({ table, chart, csvHref, labels, open }: Props) {
  const headingId = `chart-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-2 break-inside-avoid">
      <h3 id={headingId} className="font-medium">
        {table.title}
      </h3>
      {chart}
      <details open={open} className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline print:hidden">{labels.seeData}</summary>
        <SpecTable table={table} csvHref={csvHref} labels={labels} untitled />
      </details>
    </section>
  );
}
