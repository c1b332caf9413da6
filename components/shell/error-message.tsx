"use client";

import { useTranslations } from "next-intl";

type Props = { digest?: string; retry?: () => void };

/**
 * What a person sees when a page failed on the server: their own words (no framework English), the error's
 * digest to quote to the support, a retry when the page can be rendered again, and a way home. The way home is a
 * full page load, which also works when the root layout itself failed.
 */
export function ErrorMessage({ digest, retry }: Props) {
  const t = useTranslations("shell.error");
  return (
    <main className="mx-auto max-w-xl p-8 text-center">
      <title>{t("documentTitle")}</title>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("help")}</p>
      {digest && <p className="mt-2 text-sm text-slate-500">{t("digest", { digest })}</p>}
      <p className="mt-6 flex flex-wrap justify-center gap-4">
        {retry && (
          <button
            type="button"
            onClick={retry}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t("retry")}
          </button>
        )}
        {/* A full page load: after a server error the client router's state is not to be trusted (global-error has no layout). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a className="px-4 py-2 text-brand-700 underline" href="/">
          {t("backHome")}
        </a>
      </p>
    </main>
  );
}
