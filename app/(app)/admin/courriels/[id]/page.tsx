import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OutboxStatusBadge } from "@/components/admin/outbox-status";
import { HiddenFieldsButton } from "@/components/sla-admin/hidden-fields-button";
import { DateTime } from "@/components/ui/date-time";
import { pageCaller } from "@/lib/auth/current-caller";
import { readOutboxEmail } from "@/lib/services/mail/outbox-admin";
import { resendEmailAction } from "../actions";

export const metadata: Metadata = { title: "Courriel" };

type Props = { params: Promise<{ id: string }> };

/**
 * One e-mail as it is sent. The HTML version is shown as its source, escaped: rendering mail HTML inside
 * the app would need its inline styles past the nonce CSP, and the text version already reads as the mail does.
 */
export default async function OutboxEmailPage({ params }: Props) {
  const id = z.uuid().safeParse((await params).id);
  const caller = await pageCaller();
  const email = id.success ? await readOutboxEmail(caller, id.data) : null;
  if (!email) notFound();
  const t = await getTranslations("outbox");

  return (
    <section className="grid gap-4">
      <Link className="text-sm text-brand-700 underline" href="/admin/courriels">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold break-words">{email.subject}</h1>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("detail.to")}</dt>
        <dd className="break-all">{email.toAddress}</dd>
        <dt className="font-medium">{t("detail.createdAt")}</dt>
        <dd>
          <DateTime value={email.createdAt} />
        </dd>
        <dt className="font-medium">{t("detail.sentAt")}</dt>
        <dd>{email.sentAt ? <DateTime value={email.sentAt} /> : t("detail.notSent")}</dd>
        <dt className="font-medium">{t("detail.status")}</dt>
        <dd>
          <OutboxStatusBadge status={email.status} lastError={email.lastError} />
        </dd>
        <dt className="font-medium">{t("detail.attempts")}</dt>
        <dd className="tabular-nums">{email.attempts}</dd>
      </dl>
      {email.status === "failed" && (
        <div>
          <HiddenFieldsButton action={resendEmailAction} fields={{ id: email.id }} label={t("resend")} pendingLabel={t("resending")} />
        </div>
      )}
      <div>
        <h2 className="text-lg font-semibold">{t("detail.text")}</h2>
        <pre
          className="mt-2 whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 font-sans text-sm"
          data-testid="mail-text"
        >
          {email.textBody}
        </pre>
      </div>
      <details>
        <summary className="cursor-pointer text-brand-700">{t("detail.html")}</summary>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-3 text-xs">
          {email.htmlBody}
        </pre>
      </details>
    </section>
  );
}
