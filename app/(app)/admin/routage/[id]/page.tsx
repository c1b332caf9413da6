import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RuleForm } from "@/components/routing/rule-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { readRoutingRule } from "@/lib/services/routing/routing-rules";
import { saveRule } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("routingEdit");

type Props = { params: Promise<{ id: string }> };

export default async function EditRoutingRulePage({ params }: Props) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const caller = await pageCaller();
  const [rule, zones] = await Promise.all([readRoutingRule(caller, id.data), listAllZones()]);
  if (!rule) notFound();
  const t = await getTranslations("routing.form");

  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: rule.name })}</h1>
      <RuleForm action={saveRule} rule={rule} target={{ id: rule.id, version: rule.version }} zoneCodes={zones.map((zone) => zone.code)} />
    </section>
  );
}
