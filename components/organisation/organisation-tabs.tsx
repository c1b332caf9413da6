import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { key: "schools", href: "/admin/etablissements" },
  { key: "teams", href: "/admin/equipes" },
  { key: "vendors", href: "/admin/prestataires" },
  { key: "zones", href: "/admin/zones" },
  { key: "approvals", href: "/admin/validations" },
  { key: "onboarding", href: "/integration" },
] as const;

/** The organisation pages' own menu (the app menu links the first). */
export async function OrganisationTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("schools.tabs");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-2 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 ${tab.key === current ? "bg-brand-700 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
