import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RuleForm, type RuleFormDefaults } from "@/components/routing/rule-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { createRule } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("routingNew");

const BLANK_RULE: RuleFormDefaults = {
  name: "",
  enabled: true,
  match: {},
  teamCode: "",
  watcherTeamCodes: [],
  priorityFloor: null,
  assignToReferent: false,
};

export default async function NewRoutingRulePage() {
  const caller = await pageCaller();
  if (!can(caller, "routing.manage")) notFound();
  const [t, zones] = await Promise.all([getTranslations("routing.form"), listAllZones()]);

  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="text-slate-600">{t("newHelp")}</p>
      <RuleForm action={createRule} rule={BLANK_RULE} target={null} zoneCodes={zones.map((zone) => zone.code)} />
    </section>
  );
}
