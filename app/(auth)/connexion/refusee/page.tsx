import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { SsoRefusal } from "@/lib/domain/sso-provisioning";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("signInRefused");

const REASONS: readonly SsoRefusal[] = ["etablissement-inconnu", "compte-desactive", "adresse-manquante"];

type Props = { searchParams: Promise<{ raison?: string }> };

/** Where a single sign-on Guichet refuses lands: why, and whom to ask. */
export default async function SsoRefusedPage({ searchParams }: Props) {
  const { raison } = await searchParams;
  const reason = REASONS.find((known) => known === raison) ?? "etablissement-inconnu";
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("app.name")}</p>
        <h1 className="text-2xl font-semibold">{t("sso.refused.title")}</h1>
        <p role="alert" data-reason={reason}>
          {t(`sso.refused.${reason}`)}
        </p>
        <p className="text-sm text-slate-600">{t(`sso.refused.whom.${reason}`)}</p>
        <Link className="text-brand-700 underline" href="/connexion">
          {t("sso.refused.back")}
        </Link>
      </div>
    </main>
  );
}
