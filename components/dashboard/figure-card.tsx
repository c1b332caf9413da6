import Link from "next/link";
import { InfoTip } from "./info-tip";

type Props = {
  label: string;
  value: string;
  /** A second line: the split, the period, the count it is computed on. */
  detail?: string;
  hint: string;
  hintLabel: string;
  /** The list behind the number. */
  href?: string | null;
  tone?: "default" | "alert";
  testId?: string;
};

/** One headline figure: its value (a link to the list behind it when there is one), what it covers, how it is computed. */
export function FigureCard({ label, value, detail, hint, hintLabel, href, tone = "default", testId }: Props) {
  const number = <span className={`text-2xl font-semibold ${tone === "alert" ? "text-red-700" : "text-slate-900"}`}>{value}</span>;
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 break-inside-avoid" data-testid={testId}>
      <p className="text-sm text-slate-600">
        {label}
        <InfoTip label={hintLabel} text={hint} />
      </p>
      <p className="mt-1">
        {href ? (
          <Link
            href={href}
            className="underline decoration-slate-300 underline-offset-4 hover:decoration-brand-700"
            aria-label={`${label} : ${value}`}
          >
            {number}
          </Link>
        ) : (
          number
        )}
      </p>
      {detail && <p className="mt-0.5 text-xs text-slate-500">{detail}</p>}
    </div>
  );
}
