import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = {
  counts: { mine: number; unassigned: number; atRisk: number; teams: Array<{ code: string; name: string; count: number }> };
  /** The queue shown: "mine", "unassigned", "at-risk" or a team's code. */
  current: string;
};

/** The caller's queues with their open tickets: their own, the unassigned ones they may take, those at risk of missing their SLA, each of their teams'. */
export async function QueueNav({ counts, current }: Props) {
  const [t, tSla] = await Promise.all([getTranslations("desk.queues"), getTranslations("sla.queue")]);
  const queues = [
    { key: "mine", label: t("mine"), count: counts.mine },
    { key: "unassigned", label: t("unassigned"), count: counts.unassigned },
    { key: "at-risk", label: tSla("atRisk"), count: counts.atRisk },
    ...counts.teams.map((team) => ({ key: team.code, label: team.name, count: team.count })),
  ];
  return (
    <nav aria-label={t("label")}>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{t("label")}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {queues.map((queue) => (
          <li key={queue.key}>
            <Link
              href={`/bureau?${new URLSearchParams({ file: queue.key })}`}
              aria-current={queue.key === current ? "page" : undefined}
              className={`flex items-center justify-between gap-2 rounded-md px-3 py-2 ${queue.key === current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <span>{queue.label}</span>
              <span aria-hidden="true" className="rounded-full bg-white px-2 text-xs ring-1 ring-slate-200">
                {queue.count}
              </span>
              <span className="sr-only">{t("openCount", { count: queue.count })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
