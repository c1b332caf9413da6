import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetRequestForm } from "@/components/people/reset-request-form";
import { askForPasswordReset } from "./actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("app.name")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("people.forgotTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("people.forgotIntro")}</p>
        <div className="mt-6"><ResetRequestForm action={askForPasswordReset} /></div>
        <Link href="/connexion" className="mt-6 inline-block text-sm text-brand-700 underline">{t("people.backToSignIn")}</Link>
      </div>
    </main>
  );
}
