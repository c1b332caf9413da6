import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { RuleMatch } from "@/lib/domain/routing";
import { firstEnabledCatchAll, isCatchAll } from "@/lib/domain/routing-order";
import type { Priority } from "@/lib/domain/vocabulary";
import { MatchSummary } from "./match-summary";
import { RuleRowActions, type RuleActions } from "./rule-row-actions";

type Rule = {
  id: string;
  name: string;
  enabled: boolean;
  version: number;
  match: RuleMatch;
  teamCode: string;
  watcherTeamCodes: string[];
  priorityFloor: Priority | null;
  assignToReferent: boolean;
};

/** The rules in the order the router reads them, each with its actions. */
export function RuleTable({ rules, actions }: { rules: Rule[]; actions: RuleActions }) {
  const t = useTranslations("routing");
  const catchAll = firstEnabledCatchAll(rules);
  const hiddenFrom = catchAll ? rules.indexOf(catchAll) : rules.length;
  return (
    <DataTable
      columns={[
        t("columns.position"),
        t("columns.name"),
        t("columns.match"),
        t("columns.team"),
        t("columns.watchers"),
        t("columns.state"),
        t("columns.actions"),
      ]}
    >
      {rules.map((rule, index) => (
        <tr key={rule.id} className={`border-t border-slate-100 align-top ${rule.enabled ? "" : "text-slate-500"}`} data-rule={rule.name}>
          <td className="px-3 py-2">{index + 1}</td>
          <td className="px-3 py-2 font-medium">
            {rule.name}
            {index > hiddenFrom && <p className="mt-1 text-xs font-normal text-amber-800">{t("unreachable", { rule: catchAll!.name })}</p>}
          </td>
          <td className="px-3 py-2">
            <MatchSummary match={rule.match} priorityFloor={rule.priorityFloor} assignToReferent={rule.assignToReferent} />
          </td>
          <td className="px-3 py-2 font-mono">{rule.teamCode}</td>
          <td className="px-3 py-2 font-mono">{rule.watcherTeamCodes.length ? rule.watcherTeamCodes.join(", ") : t("none")}</td>
          <td className="px-3 py-2">{rule.enabled ? t("enabled") : t("disabled")}</td>
          <td className="px-3 py-2">
            <RuleRowActions
              rule={{ ...rule, catchAll: isCatchAll(rule.match) }}
              first={index === 0}
              last={index === rules.length - 1}
              actions={actions}
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
