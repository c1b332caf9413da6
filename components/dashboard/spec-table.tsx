import Link from "next/link";
import type { TableSpec } from "@/lib/presentation/dashboard-tables";
import { InfoTip } from "./info-tip";

/** A table's words (components/dashboard/dashboard-labels.ts). */
export type TableLabels = {
  csv: string;
  csvLabel: string;
  noData: string;
  hint: string;
  seeData: string;
  /** Under a table the page cut to its first rows (regionalPageRows). */
  firstRows: (shown: number, total: number) => string;
};

type Props = {
  table: TableSpec;
  /** The CSV export of this very table; none on the printed report. */
  csvHref?: string | null;
  labels: TableLabels;
  /** Sortable headers: each column's address (the regional tables). */
  sortHref?: (columnKey: string) => string | null;
  sortLabel?: (column: string) => string;
  /** Sorted by this column, in this direction. */
  sorted?: { key: string; direction: "asc" | "desc" };
  /** A first column of checkboxes (comparing schools): the row's key value. */
  selectName?: string;
  selectLabel?: string;
  /** Under a chart that already shows the title (chart-panel.tsx): the caption names the table, no heading repeats it. */
  untitled?: boolean;
};

/** A dashboard table: caption, header cells with scope, right-aligned numbers, links to the lists behind them, its CSV export. */
export function SpecTable({ table, csvHref, labels, sortHref, sortLabel, sorted, selectName, selectLabel, untitled = false }: Props) {
  const captionId = `table-${table.id}`;
  return (
    <section
      className="min-w-0 break-inside-avoid"
      aria-labelledby={untitled ? undefined : captionId}
      aria-label={untitled ? table.title : undefined}
    >
      <div className="flex items-center justify-between gap-2">
        {untitled ? (
          <span id={captionId}>{table.hint && <InfoTip label={labels.hint} text={table.hint} />}</span>
        ) : (
          <h3 id={captionId} className="font-medium">
            {table.title}
            {table.hint && <InfoTip label={labels.hint} text={table.hint} />}
          </h3>
        )}
        {csvHref && (
          <a
            href={csvHref}
            className="shrink-0 rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 print:hidden"
            aria-label={labels.csvLabel}
            download
          >
            {labels.csv}
          </a>
        )}
      </div>
      {table.rows.length === 0 ? (
        <p className="mt-2 rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-500">{labels.noData}</p>
      ) : (
        <div
          className="relative mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white"
          tabIndex={0}
          role="region"
          aria-label={table.title}
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{table.title}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {selectName && (
                  <th scope="col" className="px-2 py-2">
                    <span className="sr-only">{selectLabel}</span>
                  </th>
                )}
                {table.columns.map((column) => {
                  const href = sortHref?.(column.key);
                  const active = sorted?.key === column.key;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      className={`px-3 py-2 align-bottom ${column.numeric ? "text-right" : ""}`}
                      aria-sort={active ? (sorted!.direction === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {href ? (
                        <Link
                          href={href}
                          className="underline decoration-slate-300 underline-offset-2"
                          aria-label={sortLabel?.(column.label)}
                        >
                          {column.label}
                          {active ? (sorted!.direction === "asc" ? " ↑" : " ↓") : ""}
                        </Link>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-t border-slate-100">
                  {selectName && (
                    <td className="px-2 py-2">
                      <input
                        type="checkbox"
                        name={selectName}
                        value={String(row[0]?.value ?? "")}
                        aria-label={`${selectLabel} ${row[0]?.text ?? row[0]?.value ?? ""}`}
                        className="h-4 w-4"
                      />
                    </td>
                  )}
                  {row.map((value, columnIndex) => {
                    const text = value.text ?? (value.value === null ? "–" : String(value.value));
                    const Cell = columnIndex === 0 ? "th" : "td";
                    return (
                      <Cell
                        key={columnIndex}
                        {...(columnIndex === 0 ? { scope: "row" } : {})}
                        className={`px-3 py-2 ${columnIndex === 0 ? "font-normal" : ""} ${table.columns[columnIndex]?.numeric ? "text-right tabular-nums" : ""}`}
                      >
                        {value.href ? (
                          <Link href={value.href} className="text-brand-700 underline">
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {table.total !== undefined && <p className="mt-1 text-xs text-slate-600">{labels.firstRows(table.rows.length, table.total)}</p>}
    </section>
  );
}
