import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { ServiceCard } from "@/components/catalogue/service-card";
import { pageCaller } from "@/lib/auth/current-caller";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { portalContext } from "@/lib/services/portal/portal-context";

type Props = { searchParams: Promise<{ service?: string }> };

/** Step 1 (the service) and step 2 (its categories) have their own titles. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { service: code } = await searchParams;
  const service = code ? (await readCatalogue()).find((candidate) => candidate.code === code) : undefined;
  return service ? pageTitle("fileCategory", { service: service.name }) : pageTitle("fileService");
}

/** Steps 1 and 2 of filing: the service, then the category (step 3 is /signaler/[category]). */
export default async function FilePage({ searchParams }: Props) {
  const { service: serviceCode } = await searchParams;
  const caller = await pageCaller();
  const [t, catalogue, portal] = await Promise.all([getTranslations("filing"), readCatalogue(), portalContext(caller)]);
  if (!portal.canFile) notFound();
  const chosen = catalogue.find((service) => service.code === serviceCode);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {chosen ? (
        <>
          <h2 className="text-lg font-medium">{t("chooseCategory")}</h2>
          <Link href="/signaler" className="text-sm text-brand-700 underline">
            {t("otherService")}
          </Link>
          <ServiceCard
            canFile
            service={{ ...chosen, categories: chosen.categories.map((category) => ({ ...category, open: portal.isOpen(category) })) }}
          />
        </>
      ) : (
        <>
          <h2 className="text-lg font-medium">{t("chooseService")}</h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {catalogue.map((service) => (
              <li key={service.code}>
                <Link
                  href={`/signaler?service=${service.code}`}
                  className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-700 hover:bg-brand-50"
                >
                  <span className="font-medium">{service.name}</span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {service.categories.map((category) => category.name).join(" · ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
