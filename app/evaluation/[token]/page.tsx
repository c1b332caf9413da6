import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { RatingForm } from "@/components/tickets/rating-form";
import { RATING_LINK_LIFETIME_DAYS, verifyRatingToken } from "@/lib/services/tickets/rating-link";
import { env } from "@/lib/env";
import { rateThroughLink } from "./actions";

// The token is a credential: keep the page out of search engines and the token out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await pageTitle("rating")), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

/** The closing e-mail's rating link: no sign-in; a forged link is a 404, an expired one says so. */
export default async function RatingLinkPage({ params }: Props) {
  const { token } = await params;
  const check = verifyRatingToken(token, new Date(), env().AUTH_SECRET);
  if (!check.valid && check.reason === "malformed") notFound();
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("app.name")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("rating.linkTitle")}</h1>
        {check.valid ? (
          <>
            <p className="mt-2 text-sm text-slate-600">{t("rating.linkIntro")}</p>
            <div className="mt-6">
              <RatingForm action={rateThroughLink} hidden={{ token }} />
            </div>
          </>
        ) : (
          <p role="alert" className="mt-4">
            {t("rating.expired", { days: RATING_LINK_LIFETIME_DAYS })}
          </p>
        )}
        <Link href="/" className="mt-6 inline-block text-sm text-brand-700 underline">
          {t("rating.home")}
        </Link>
      </div>
    </main>
  );
}
