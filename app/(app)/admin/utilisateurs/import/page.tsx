import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/import/import-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { accountImportScope } from "@/lib/domain/account-import";
import { PASSWORD_LINK_LIFETIME_HOURS } from "@/lib/domain/password-links";
import { importAccountsForm } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("usersImport");

/** CSV import of accounts from a directory or ENT export: administrators for every school, heads for their own. */
export default async function AccountsImportPage() {
  const scope = accountImportScope(await pageCaller());
  if (!scope) notFound();
  const t = await getTranslations("sso.import");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t("help", { hours: PASSWORD_LINK_LIFETIME_HOURS.invitation })}</p>
      {scope !== "all" && <p className="max-w-3xl text-sm text-slate-600">{t("headHelp")}</p>}
      <ImportForm action={importAccountsForm} messages="sso.import" />
    </section>
  );
}
