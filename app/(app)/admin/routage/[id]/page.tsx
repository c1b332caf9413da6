import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RuleForm } from "@/components/routing/rule-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { listAllZones } from "@/lib/services/organisation/list-establishments";
import { readRoutingRule } from "@/lib/services/routing/routing-rules";
import { saveRule } from "./actions";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ id: string }> };

/** The rule the caller may edit, or the 404 page; one lookup per request for the title and the body. */
const visibleRule = cache(async (rawId: string) => {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) notFound();
  const rule = await readRoutingRule(await pageCaller(), id.data);
  if (!rule) notFound();
  return rule;
});

export const generateMetadata = titledOnceFound("routingEdit", async ({ params }: Props) => visibleRule((await params).id));

export default async function EditRoutingRulePage({ params }: Props) {
  const [rule, zones] = await Promise.all([visibleRule((await params).id), listAllZones()]);
  const t = await getTranslations("routing.form");

  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: rule.name })}</h1>
      <RuleForm action={saveRule} rule={rule} target={{ id: rule.id, version: rule.version }} zoneCodes={zones.map((zone) => zone.code)} />
    </section>
  );
}
