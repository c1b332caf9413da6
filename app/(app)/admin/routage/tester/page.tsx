import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoutingTestForm, type RoutingTestValues } from "@/components/routing/routing-test-form";
import { RoutingTestResult } from "@/components/routing/routing-test-result";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { priorityOf } from "@/lib/domain/priority";
import { fieldErrors } from "@/lib/schemas/field-errors";
import { routingTestSchema } from "@/lib/schemas/routing-rules";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { listVisibleEstablishments } from "@/lib/services/organisation/list-establishments";
import { testRouting } from "@/lib/services/routing/test-routing";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("routingTest");

/** A Région has about a hundred lycées: one list holds them all. */
const SCHOOL_LIMIT = 500;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RoutingTestPage({ searchParams }: Props) {
  const caller = await pageCaller();
  if (!can(caller, "routing.test")) notFound();
  const query = await searchParams;
  const one = (name: string) => (typeof query[name] === "string" ? query[name] : undefined);
  const values: RoutingTestValues = {
    type: one("type"),
    categoryCode: one("categoryCode"),
    establishmentUai: one("establishmentUai"),
    impact: one("impact"),
    urgency: one("urgency"),
    ciClasses: [query.ciClasses ?? []].flat(),
  };
  const [t, catalogue, schools] = await Promise.all([
    getTranslations("routing.test"),
    readCatalogue(),
    listVisibleEstablishments(caller, { limit: SCHOOL_LIMIT }),
  ]);

  // The form names the category only; its service follows from the catalogue.
  const serviceCode = catalogue.find((service) => service.categories.some((category) => category.code === values.categoryCode))?.code;
  const parsed = values.categoryCode === undefined ? null : routingTestSchema.safeParse({ ...values, serviceCode });
  const outcome = parsed?.success ? await testRouting(caller, parsed.data) : null;
  const refusals =
    parsed && !parsed.success
      ? fieldErrors(parsed.error).map((error) => error.message)
      : outcome && !outcome.ok
        ? [outcome.failure.kind === "not_found" ? t("refused") : outcome.failure.message]
        : [];

  return (
    <section className="max-w-4xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      {can(caller, "routing.manage") && (
        <Link href="/admin/routage" className="mt-2 inline-block text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      )}
      <div className="mt-4">
        <RoutingTestForm choices={{ services: catalogue, schools: schools.items }} values={values} />
      </div>
      {refusals.length > 0 && (
        <div role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{t("refused")}</p>
          <ul className="mt-1 list-disc pl-5">
            {refusals.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.ok && parsed?.success && (
        <RoutingTestResult {...outcome.value} askedPriority={priorityOf(parsed.data.impact, parsed.data.urgency)} />
      )}
    </section>
  );
}
