import { useTranslations } from "next-intl";
import type { RequalificationPreview } from "@/lib/schemas/desk-forms";

type Props = { preview: RequalificationPreview; teamName: (code: string) => string | null };

/** Where routing would send the re-qualified ticket, by which rule, at which priority; the rules it passed over on demand. */
export function RoutingPreview({ preview, teamName }: Props) {
  const t = useTranslations();
  const team = preview.teamCode ? teamName(preview.teamCode) : null;
  return (
    <div className="rounded-md border border-brand-200 bg-brand-50 p-3 text-sm" data-testid="routing-preview">
      <p className="font-medium">{t("desk.requalify.previewTitle")}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">{t("desk.requalify.rule")}</dt>
        <dd>{preview.rule ?? t("desk.requalify.noRule")}</dd>
        <dt className="text-slate-600">{t("desk.requalify.team")}</dt>
        <dd>{preview.teamCode ? `${team ?? preview.teamCode}${team ? ` (${preview.teamCode})` : ""}` : t("desk.requalify.noTeam")}</dd>
        <dt className="text-slate-600">{t("desk.requalify.priority")}</dt>
        <dd>{t(`tickets.priority.${preview.priority}`)}</dd>
      </dl>
      {preview.trace.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-slate-700">{t("desk.requalify.trace")}</summary>
          <ol className="mt-1 space-y-0.5">
            {preview.trace.map((verdict) => (
              <li key={verdict.ruleId} className={verdict.matched ? "font-medium text-emerald-800" : "text-slate-600"}>
                {verdict.name} : {t(verdict.reason.message as never, verdict.reason.values as never)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
