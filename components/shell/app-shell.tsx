import { getTranslations } from "next-intl/server";
import { switchLocale } from "@/app/actions/switch-locale";
import type { NavigationItem } from "@/lib/domain/navigation";
import type { Role } from "@/lib/domain/vocabulary";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type Props = { user: { name: string; role: Role }; navigation: NavigationItem[]; children: React.ReactNode };

/** The frame of every signed-in page: brand, the role's menu, who is signed in, sign-out. */
export async function AppShell({ user, navigation, children }: Props) {
  const t = await getTranslations();
  return (
    <>
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:p-2">{t("app.skipToContent")}</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div>
            <p className="text-lg font-semibold text-brand-800">{t("app.name")}</p>
            <p className="text-xs text-slate-500">{t("app.tagline")}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span data-testid="signed-in-user">
              {t("app.signedInAs", { name: user.name })} · <span className="text-slate-500">{t(`roles.${user.role}`)}</span>
            </span>
            <form action={switchLocale}>
              <button type="submit" className="rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100">{t("app.language")}</button>
            </form>
            <SignOutButton label={t("app.signOut")} />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2 pb-2">
          <NavLinks label={t("nav.label")} items={navigation.map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }))} />
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
