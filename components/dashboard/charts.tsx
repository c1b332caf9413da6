"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from "recharts";

/**
 * The dashboards' charts (recharts, SVG), drawings only: each one sits above the table holding the
 * same figures (chart-panel.tsx), which is what screen readers and the CSV export use. So the drawing
 * is hidden from assistive technology and takes no keyboard focus (recharts' accessibility layer
 * would make the hidden SVG focusable). An empty series shows "aucune donnée", never an empty frame.
 */

type Series = { key: string; label: string; color: string; stack?: string };

function Empty({ text }: { text: string }) {
  return (
    <p className="flex h-40 items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500">{text}</p>
  );
}

const hasData = (rows: ReadonlyArray<Record<string, string | number>>, series: readonly Series[]) =>
  rows.some((row) => series.some((item) => Number(row[item.key] ?? 0) > 0));

/** Labels longer than fit beside a bar are cut with "…", the whole name in the SVG's <title> (shown on hover). */
const LABEL_CHARACTERS = 17;
function ShortLabel({ x, y, payload }: YAxisTickContentProps) {
  const label = String(payload.value);
  const short = label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…` : label;
  return (
    <text x={x} y={y} dx={-4} dy={4} textAnchor="end" fontSize={11} fill="#475569">
      <title>{label}</title>
      {short}
    </text>
  );
}

/** Vertical bars per category (weeks, statuses…), stacked when series share a stack. */
export function ColumnsChart({
  rows,
  categoryKey,
  series,
  empty,
  height = 220,
}: {
  rows: Array<Record<string, string | number>>;
  categoryKey: string;
  series: Series[];
  empty: string;
  height?: number;
}) {
  if (!hasData(rows, series)) return <Empty text={empty} />;
  return (
    <figure className="min-w-0">
      <div style={{ width: "100%", height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={categoryKey} tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((item) => (
              <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.color} stackId={item.stack} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Horizontal bars, one per label (services, classes, ages, who resolved). */
export function BarsChart({
  rows,
  empty,
  color = "#1d4ed8",
  valueLabel,
}: {
  rows: Array<{ label: string; value: number }>;
  empty: string;
  color?: string;
  valueLabel: string;
}) {
  if (!rows.some((row) => row.value > 0)) return <Empty text={empty} />;
  const height = Math.max(120, rows.length * 26 + 30);
  return (
    <figure className="min-w-0">
      <div style={{ width: "100%", height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={110} tick={ShortLabel} interval={0} />
            <Tooltip />
            <Bar dataKey="value" name={valueLabel} fill={color} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
