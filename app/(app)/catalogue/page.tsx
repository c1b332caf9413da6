import { getTranslations } from "next-intl/server";
import { SearchBox } from "@/components/ui/search-box";
import { ServiceCard } from "@/components/catalogue/service-card";
import { pageCaller } from "@/lib/auth/current-caller";
import { searchCatalogue } from "@/lib/catalogue/search";
import { serviceAdvice } from "@/lib/services/knowledge/read-articles";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { portalContext } from "@/lib/services/portal/portal-context";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("catalogue");

type Props = { searchParams: Promise<{ q?: string }> };

export default async function CataloguePage({ searchParams }: Props) {
  const query = ((await searchParams).q ?? "").slice(0, 100);
  const caller = await pageCaller();
  const [t, catalogue, portal] = await Promise.all([getTranslations("catalogue"), readCatalogue(), portalContext(caller)]);
  const services = searchCatalogue(catalogue, query);
  const advice = await serviceAdvice(
    caller,
    services.map((service) => service.code),
  );
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      <SearchBox id="catalogue-q" label={t("search")} placeholder={t("search")} button={t("searchButton")} query={query} />
      {services.length === 0 && <p>{t("noMatch", { query })}</p>}
      {services.map((service) => (
        <ServiceCard
          key={service.code}
          canFile={portal.canFile}
          advice={advice.get(service.code)}
          service={{ ...service, categories: service.categories.map((category) => ({ ...category, open: portal.isOpen(category) })) }}
        />
      ))}
    </section>
  );
}
