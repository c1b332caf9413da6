import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DocumentTitle } from "@/components/shell/document-title";
import { titled } from "@/i18n/page-title";
import { signedInCaller } from "@/lib/auth/current-caller";
import { logPageRefusal } from "@/lib/auth/refusal";

export const generateMetadata = titled("notFound");

/**
 * An unknown address, or a page that called notFound(): the tab says so too, not the missing page's title.
 * For a signed-in caller it may hide an object they may not see, so it is logged as a refusal (anonymous
 * visitors are sent to the sign-in page before any object is looked up).
 */
export default async function NotFound() {
  const caller = await signedInCaller();
  if (caller) await logPageRefusal(404, caller);
  const [t, tShell] = await Promise.all([getTranslations("errors"), getTranslations("shell.titles")]);
  return (
    <main className="mx-auto max-w-xl p-8 text-center">
      <DocumentTitle title={tShell("notFoundDocument")} />
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <p className="mt-2 text-slate-600">{t("notFoundHelp")}</p>
      <Link className="mt-6 inline-block text-brand-700 underline" href="/">
        {t("backHome")}
      </Link>
    </main>
  );
}
