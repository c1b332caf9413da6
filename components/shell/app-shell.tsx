import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { switchLocale } from "@/app/actions/switch-locale";
import type { NavigationItem } from "@/lib/domain/navigation";
import type { Role } from "@/lib/domain/vocabulary";
import { Fold } from "./fold";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** `unread`: the signed-in person's unread notifications, null for those who get none (no link then). */
type Props = { user: { name: string; role: Role }; navigation: NavigationItem[]; unread: number | null; children: React.ReactNode };

/**
 * The frame of every signed-in page: brand, the role's menu, who is signed in, sign-out. On phones one compact
 * bar with a menu button; from the md breakpoint the brand and the account on one line, the menu below.
 */
export async function AppShell({ user, navigation, unread, children }: Props) {
  const t = await getTranslations();
  return (
    <>
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto grid max-w-7xl grid-cols-[1fr_auto] items-center gap-x-4 px-4 py-2">
          <Link href="/" className="col-start-1 row-start-1 min-w-0">
            <span className="block text-lg font-semibold leading-tight text-brand-800">{t("app.name")}</span>
            <span className="hidden text-xs text-slate-500 md:block">{t("app.tagline")}</span>
          </Link>
          <Fold
            label={t("shell.menu.open")}
            closeLabel={t("shell.menu.close")}
            menuIcon
            buttonClassName="col-start-2 row-start-1"
            panelClassName="col-span-2 md:contents"
          >
            <div className="mt-2 md:col-span-2 md:row-start-2 md:mt-1">
              <NavLinks label={t("nav.label")} items={navigation.map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }))} />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-slate-200 py-2 text-sm md:col-start-2 md:row-start-1 md:mt-0 md:justify-end md:border-0 md:py-0">
              <span data-testid="signed-in-user">
                {t("app.signedInAs", { name: user.name })} · <span className="text-slate-500">{t(`roles.${user.role}`)}</span>
              </span>
              {unread !== null && (
                <Link
                  href="/notifications"
                  className="rounded-md px-2 py-1.5 text-brand-700 hover:bg-slate-100"
                  data-testid="notifications-link"
                >
                  {t("notifications.headerLink")}
                  {unread > 0 && (
                    <span
                      className="ml-1 rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white"
                      aria-hidden="true"
                      data-testid="unread-badge"
                    >
                      {unread}
                    </span>
                  )}
                  <span className="sr-only"> ({t("notifications.unread", { count: unread })})</span>
                </Link>
              )}
              <form action={switchLocale}>
                <button type="submit" className="rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100">
                  {t("app.language")}
                </button>
              </form>
              <SignOutButton label={t("app.signOut")} />
            </div>
          </Fold>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
