import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QueueTable, type QueueRow } from "@/components/desk/queue-table";

type Desk = {
  counts: { mine: number; unassigned: number; atRisk: number; teams: Array<{ code: string; name: string; count: number }> };
  atRisk: QueueRow[];
};

/** Whoever works tickets: their queues with their counts, then the tickets at risk of missing their deadline. */
export async function DeskHome({ desk }: { desk: Desk }) {
  const [t, tQueues, tSla] = await Promise.all([getTranslations("shell.home"), getTranslations("desk.queues"), getTranslations("sla.queue")]);
  const queues = [
    { key: "mine", label: tQueues("mine"), count: desk.counts.mine },
    { key: "unassigned", label: tQueues("unassigned"), count: desk.counts.unassigned },
    { key: "at-risk", label: tSla("atRisk"), count: desk.counts.atRisk },
    ...desk.counts.teams.map((team) => ({ key: team.code, label: team.name, count: team.count })),
  ];
  return (
    <>
      <section aria-labelledby="home-queues">
        <h2 id="home-queues" className="text-lg font-semibold">{t("queuesTitle")}</h2>
        <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          {queues.map((queue) => (
            <li key={queue.key}>
              <Link href={`/bureau?${new URLSearchParams({ file: queue.key })}`} data-testid={`home-queue-${queue.key}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-700 hover:bg-brand-50">
                <span className="block text-2xl font-semibold">{queue.count}</span>
                <span className="block text-sm text-slate-700">{queue.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-at-risk">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="home-at-risk" className="text-lg font-semibold">{t("atRiskTitle")}</h2>
          <Link href="/bureau?file=at-risk" className="text-sm text-brand-700 underline">{t("allAtRisk")}</Link>
        </div>
        {desk.atRisk.length === 0 ? <p className="mt-1 text-slate-600">{tSla("empty")}</p> : <QueueTable items={desk.atRisk} selectable={false} />}
      </section>
    </>
  );
}
