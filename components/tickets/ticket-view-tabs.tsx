import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Mes demandes" / "Demandes de l'établissement": two links, the current one marked. */
export async function TicketViewTabs({ schoolWide }: { schoolWide: boolean }) {
  const t = await getTranslations("tickets.list");
  const tabs = [
    { href: "/demandes", label: t("mine"), current: !schoolWide },
    { href: "/demandes?vue=etablissement", label: t("establishment"), current: schoolWide },
  ];
  return (
    <nav aria-label={t("views")} className="mt-4 border-b border-slate-200">
      <ul className="flex gap-1 text-sm">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 ${tab.current ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
