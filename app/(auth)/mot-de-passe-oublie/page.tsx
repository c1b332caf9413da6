import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetRequestForm } from "@/components/people/reset-request-form";
import { askForPasswordReset } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("forgotPassword");

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t("people.forgotTitle")}>
      <p className="mt-2 text-sm text-slate-600">{t("people.forgotIntro")}</p>
      <div className="mt-6">
        <ResetRequestForm action={askForPasswordReset} />
      </div>
      <Link href="/connexion" className="mt-6 inline-block text-sm text-brand-700 underline">
        {t("people.backToSignIn")}
      </Link>
    </AuthCard>
  );
}
