import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import type { RoutingDecision } from "@/lib/domain/routing";
import type { Priority } from "@/lib/domain/vocabulary";

/** A team the decision names; `name` is null when no team has that code. */
type NamedTeam = { code: string; name: string | null };

type Props = { decision: RoutingDecision; team: NamedTeam | null; watchers: NamedTeam[]; askedPriority: Priority };

function TeamName({ team }: { team: NamedTeam }) {
  const t = useTranslations("routing.test");
  return (
    <>
      <span className="font-mono">{team.code}</span>
      {team.name ? ` · ${team.name}` : <span className="text-red-700"> ({t("missingTeam")})</span>}
    </>
  );
}

/** Which rule took the imagined ticket, what it decided, and why each rule before it did not. */
export function RoutingTestResult({ decision, team, watchers, askedPriority }: Props) {
  const t = useTranslations();
  return (
    <Panel title={t("routing.test.result")} className="mt-6">
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="routing-decision">
        <dt className="font-medium">{t("routing.test.matchedRule")}</dt>
        <dd>{decision.rule ? decision.rule.name : <span className="text-red-700">{t("routing.test.noRule")}</span>}</dd>
        <dt className="font-medium">{t("routing.test.team")}</dt>
        <dd>{team ? <TeamName team={team} /> : t("routing.none")}</dd>
        <dt className="font-medium">{t("routing.test.priority")}</dt>
        <dd>
          {t(`tickets.priority.${decision.priority}`)}
          {decision.priority !== askedPriority && (
            <span className="text-slate-600"> ({t("routing.test.raisedFrom", { priority: askedPriority })})</span>
          )}
        </dd>
        <dt className="font-medium">{t("routing.test.watchers")}</dt>
        <dd>
          {watchers.length
            ? watchers.map((watcher, index) => (
                <span key={watcher.code}>
                  {index > 0 && ", "}
                  <TeamName team={watcher} />
                </span>
              ))
            : t("routing.test.noWatchers")}
        </dd>
      </dl>
      <h3 className="mt-4 font-medium">{t("routing.test.trace")}</h3>
      <DataTable columns={[t("routing.test.traceRule"), t("routing.test.traceOutcome"), t("routing.test.traceReason")]}>
        {decision.trace.map((verdict) => (
          <tr key={verdict.ruleId} className={`border-t border-slate-100 ${verdict.matched ? "bg-emerald-50" : ""}`}>
            <td className="px-3 py-2">{verdict.name}</td>
            <td className="px-3 py-2">{verdict.matched ? t("routing.test.matched") : t("routing.test.skipped")}</td>
            <td className="px-3 py-2">{t(verdict.reason.message as never, verdict.reason.values as never)}</td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}
