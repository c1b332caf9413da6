import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import Link from "next/link";
import { redirect } from "next/navigation";
import { KeepDrafts } from "@/components/auth/keep-drafts";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { EXPIRED_PARAM, EXPIRED_VALUE } from "@/lib/auth/sign-in-path";
import { env } from "@/lib/env";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("signIn");

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; [EXPIRED_PARAM]?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: requested, error, [EXPIRED_PARAM]: session } = await searchParams;
  const callbackUrl = safeCallbackPath(requested, env().APP_URL);
  if (await getServerSession(authOptions())) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t("signIn.title")}>
      {session === EXPIRED_VALUE ? (
        <p role="status" className="mt-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-900">
          {t("signIn.sessionExpired")}
          <KeepDrafts />
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("signIn.intro")}</p>
      )}
      <SignInForm callbackUrl={callbackUrl} initialError={error ?? null} ssoEnabled={Boolean(env().OIDC_ISSUER)} />
      <Link href="/mot-de-passe-oublie" className="mt-4 inline-block text-sm text-brand-700 underline">
        {t("people.forgotLink")}
      </Link>
    </AuthCard>
  );
}
