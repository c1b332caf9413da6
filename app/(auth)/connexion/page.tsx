import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
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
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("app.name")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("signIn.title")}</h1>
        {session === EXPIRED_VALUE
          ? <p role="status" className="mt-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-900">{t("signIn.sessionExpired")}<KeepDrafts /></p>
          : <p className="mt-2 text-sm text-slate-600">{t("signIn.intro")}</p>}
        <SignInForm callbackUrl={callbackUrl} initialError={error ?? null} ssoEnabled={Boolean(env().OIDC_ISSUER)} />
      </div>
    </main>
  );
}
