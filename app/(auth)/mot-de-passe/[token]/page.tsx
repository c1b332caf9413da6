import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { PasswordForm } from "@/components/people/password-form";
import { readPasswordLink } from "@/lib/services/accounts/password-links";
import { choosePasswordThroughLink } from "./actions";
import { pageTitle } from "@/i18n/page-title";

// The token is a credential: keep the page out of search engines and the token out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await pageTitle("choosePassword")), robots: { index: false, follow: false }, referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** The invitation's or reset's one-time link: no sign-in; a used, expired or unknown link says so. */
export default async function ChoosePasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await readPasswordLink(token, new Date());
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t(link?.purpose === "reset" ? "people.resetPasswordTitle" : "people.choosePasswordTitle")}>
      {link ? (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("people.choosePasswordIntro", { name: link.name, email: link.email })}</p>
          <div className="mt-6">
            <PasswordForm
              action={choosePasswordThroughLink}
              hidden={{ token }}
              submitLabel={t("people.savePassword")}
              success={t("people.passwordSaved")}
            />
          </div>
        </>
      ) : (
        <p role="alert" className="mt-4">
          {t("people.linkInvalid")}
        </p>
      )}
      <Link href="/connexion" className="mt-6 inline-block text-sm text-brand-700 underline">
        {t("people.signIn")}
      </Link>
    </AuthCard>
  );
}
