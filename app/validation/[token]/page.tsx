import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApprovalForm } from "@/components/approvals/approval-form";
import { pageTitle } from "@/i18n/page-title";
import { approvalPagePath } from "@/lib/mail/approval-templates";
import { approvalLinkState } from "@/lib/services/approvals/decide-approval";
import { decideThroughLink } from "./actions";

// The token is a credential: keep the page out of search engines and the token out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await pageTitle("approvalLink")), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

/** The approval e-mail's link: approve or refuse without signing in, once; used or expired, it leads to the ticket after signing in. */
export default async function ApprovalLinkPage({ params }: Props) {
  const { token } = await params;
  const link = await approvalLinkState(token, new Date());
  if (link.kind === "invalid") notFound();
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("app.name")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("approvals.link.title")}</h1>
        {link.kind === "open" ? (
          <>
            <p className="mt-2 text-sm text-slate-600">
              {t("approvals.link.intro", {
                reference: link.reference,
                title: link.title,
                school: link.school,
                requester: link.requesterName,
              })}
            </p>
            <div className="mt-6">
              <ApprovalForm action={decideThroughLink} hidden={{ token }} />
            </div>
          </>
        ) : (
          <>
            <p role="alert" className="mt-4">
              {t("approvals.link.spent")}
            </p>
            <Link
              href={link.reference ? approvalPagePath(link.reference) : "/"}
              className="mt-4 inline-block font-medium text-brand-700 underline"
            >
              {t("approvals.link.signIn")}
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
