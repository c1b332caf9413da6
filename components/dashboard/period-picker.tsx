import { PERIOD_KINDS, type Period } from "@/lib/domain/dashboard-period";

type Props = {
  period: Period;
  labels: { period: string; from: string; to: string; apply: string; kinds: Record<string, string> };
  /** Other parameters the page keeps (a zone, a sort). */
  keep?: Record<string, string | undefined>;
};

/** The period of a dashboard, as a GET form: a preset, or a custom range (its two dates are read only with "custom"). */
export function PeriodPicker({ period, labels, keep = {} }: Props) {
  return (
    <form className="flex flex-wrap items-end gap-2 print:hidden" aria-label={labels.period}>
      {Object.entries(keep)
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      <label className="text-sm">
        <span className="block">{labels.period}</span>
        <select name="period" defaultValue={period.kind} className="mt-1 max-w-full rounded-md border border-slate-300 px-2 py-2">
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {labels.kinds[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block">{labels.from}</span>
        <input type="date" name="from" defaultValue={period.from} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="text-sm">
        <span className="block">{labels.to}</span>
        <input type="date" name="to" defaultValue={period.to} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <button className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{labels.apply}</button>
    </form>
  );
}
