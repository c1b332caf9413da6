import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Connexion" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl: requested, error } = await searchParams;
  const callbackUrl = safeCallbackPath(requested, env().APP_URL);
  if (await getServerSession(authOptions())) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t("signIn.title")}>
      <p className="mt-2 text-sm text-slate-600">{t("signIn.intro")}</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error ?? null} ssoEnabled={Boolean(env().OIDC_ISSUER)} />
      <Link href="/mot-de-passe-oublie" className="mt-4 inline-block text-sm text-brand-700 underline">{t("people.forgotLink")}</Link>
    </AuthCard>
  );
}
