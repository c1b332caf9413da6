import { getTranslations } from "next-intl/server";
import { NO_SMTP_SERVER, type OutboxStatus } from "@/lib/domain/outbox";

const TONES: Record<OutboxStatus, string> = {
  pending: "border-amber-300 bg-amber-50 text-amber-900",
  sent: "border-emerald-300 bg-emerald-50 text-emerald-900",
  failed: "border-red-300 bg-red-50 text-red-900",
};

/** An outbox e-mail's state in words (never by colour alone), with the SMTP server's last answer when there is one. */
export async function OutboxStatusBadge({ status, lastError }: { status: OutboxStatus; lastError: string | null }) {
  const t = await getTranslations("outbox");
  return (
    <span className="grid gap-1">
      <span className={`w-fit rounded border px-1.5 py-0.5 text-xs font-medium ${TONES[status]}`}>{t(`status.${status}`)}</span>
      {lastError && (
        <span className="break-words text-xs text-slate-700" data-testid="smtp-answer">
          {lastError === NO_SMTP_SERVER ? t("noSmtp") : lastError}
        </span>
      )}
    </span>
  );
}
