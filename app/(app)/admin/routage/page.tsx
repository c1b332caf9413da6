import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleHistory } from "@/components/routing/rule-history";
import { RuleTable } from "@/components/routing/rule-table";
import { pageCaller } from "@/lib/auth/current-caller";
import { listRoutingRuleChanges, listRoutingRules, ROUTING_HISTORY_LENGTH } from "@/lib/services/routing/routing-rules";
import { deleteRule, moveRule, setRuleEnabled } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("routing");

export default async function RoutingRulesPage() {
  const caller = await pageCaller();
  const [rules, changes] = await Promise.all([listRoutingRules(caller), listRoutingRuleChanges(caller)]);
  if (!rules || !changes) notFound();
  const t = await getTranslations("routing");

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex gap-2 text-sm">
          <Link href="/admin/routage/tester" className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100">
            {t("testLink")}
          </Link>
          <Link href="/admin/routage/nouvelle" className="rounded-md bg-brand-700 px-3 py-2 font-medium text-white hover:bg-brand-800">
            {t("newRule")}
          </Link>
        </div>
      </div>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      {rules.length ? (
        <RuleTable rules={rules} actions={{ move: moveRule, setEnabled: setRuleEnabled, remove: deleteRule }} />
      ) : (
        <p className="mt-4 text-slate-600">{t("empty")}</p>
      )}
      <h2 className="mt-8 text-xl font-semibold">{t("history.title")}</h2>
      <p className="text-sm text-slate-600">{t("history.intro", { count: ROUTING_HISTORY_LENGTH })}</p>
      <RuleHistory changes={changes} />
    </section>
  );
}
