/**
 * The arithmetic behind the dashboards' figures. Pure.
 *
 * Durations arrive as a histogram (each distinct number of business minutes with how many tickets
 * took it): the database groups, so a year of a whole Région is a few thousand rows, not every ticket.
 */

/** How many tickets took exactly `value` business minutes. */
export type HistogramBin = { readonly value: number; readonly count: number };

/**
 * The p-quantile (0 ≤ p ≤ 1) with linear interpolation between closest ranks, as PostgreSQL's
 * percentile_cont and spreadsheets' PERCENTILE.INC compute it: over n sorted values the rank is
 * p × (n − 1), counted from 0. The median of 120, 240 and 540 is 240, their 90th percentile
 * 240 + 0.8 × 300 = 480; of 60 and 120 the median is 90. Null when there is no value.
 */
export function percentile(histogram: readonly HistogramBin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile expects 0 ≤ p ≤ 1, got ${p}`);
  const bins = histogram.filter((bin) => bin.count > 0).toSorted((a, b) => a.value - b.value);
  const n = bins.reduce((total, bin) => total + bin.count, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const lower = Math.floor(rank);
  const below = valueAt(bins, lower);
  return lower === rank ? below : below + (rank - lower) * (valueAt(bins, lower + 1) - below);
}

/** The value at a 0-based rank of the sorted values the bins stand for. */
function valueAt(bins: readonly HistogramBin[], rank: number): number {
  let seen = 0;
  for (const bin of bins) {
    seen += bin.count;
    if (rank < seen) return bin.value;
  }
  return bins.at(-1)!.value;
}

/** Median and 90th percentile in whole business minutes, with how many tickets they are computed on. */
export type DurationFigures = { count: number; medianMinutes: number | null; p90Minutes: number | null };

export function durationFigures(histogram: readonly HistogramBin[]): DurationFigures {
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    count: histogram.reduce((total, bin) => total + bin.count, 0),
    medianMinutes: round(percentile(histogram, 0.5)),
    p90Minutes: round(percentile(histogram, 0.9)),
  };
}

/** part / whole between 0 and 1, to four decimals; null when there is nothing to divide (never 0 % of nothing). */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** sum / count to two decimals; null when count is 0. */
export function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 100) / 100 : null;
}

/** Merges histograms (e.g. several schools' into a zone's). */
export function mergeHistograms(...histograms: ReadonlyArray<readonly HistogramBin[]>): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const histogram of histograms) for (const bin of histogram) counts.set(bin.value, (counts.get(bin.value) ?? 0) + bin.count);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

/** "4 h", "1 h 30", "45 min", "2 j 3 h" for business minutes, days of 10 opening hours (07:30–17:30). */
export function formatBusinessMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const days = Math.floor(whole / 600);
  const hours = Math.floor((whole % 600) / 60);
  const rest = whole % 60;
  if (days > 0) return hours > 0 ? `${days} j ${hours} h` : `${days} j`;
  return rest > 0 ? `${hours} h ${String(rest).padStart(2, "0")}` : `${hours} h`;
}
