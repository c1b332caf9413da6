import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QueueTable, type QueueRow } from "@/components/desk/queue-table";
import { HomeSection } from "./home-section";

type Desk = {
  counts: { mine: number; unassigned: number; atRisk: number; teams: Array<{ code: string; name: string; count: number }> };
  atRisk: QueueRow[];
};

/** Whoever works tickets: their queues with their counts, then the tickets at risk of missing their deadline. */
export async function DeskHome({ desk }: { desk: Desk }) {
  const [t, tQueues, tSla] = await Promise.all([
    getTranslations("shell.home"),
    getTranslations("desk.queues"),
    getTranslations("sla.queue"),
  ]);
  const queues = [
    { key: "mine", label: tQueues("mine"), count: desk.counts.mine },
    { key: "unassigned", label: tQueues("unassigned"), count: desk.counts.unassigned },
    { key: "at-risk", label: tSla("atRisk"), count: desk.counts.atRisk },
    ...desk.counts.teams.map((team) => ({ key: team.code, label: team.name, count: team.count })),
  ];
  return (
    <>
      <HomeSection id="home-queues" title={t("queuesTitle")}>
        <ul className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          {queues.map((queue) => (
            <li key={queue.key}>
              <Link
                href={`/bureau?${new URLSearchParams({ file: queue.key })}`}
                data-testid={`home-queue-${queue.key}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-700 hover:bg-brand-50"
              >
                <span className="block text-2xl font-semibold">{queue.count}</span>
                <span className="block text-sm text-slate-700">{queue.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </HomeSection>
      <HomeSection
        id="home-at-risk"
        title={t("atRiskTitle")}
        more={{ href: "/bureau?file=at-risk", label: t("allAtRisk") }}
        empty={desk.atRisk.length === 0 && tSla("empty")}
      >
        <QueueTable items={desk.atRisk} selectable={false} />
      </HomeSection>
    </>
  );
}
