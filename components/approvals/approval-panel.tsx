import { getFormatter, getTranslations } from "next-intl/server";
import type { ApprovalState } from "@/lib/domain/approvals";
import type { ApproverKind } from "@/lib/domain/vocabulary";

type Level = {
  level: number;
  approverKind: ApproverKind;
  state: ApprovalState;
  openedAt: Date | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  decidedFunction: string | null;
  reason: string | null;
};

/**
 * A ticket's approval, level by level: who signed it (name, function, when), who refused it and why, or what it
 * still waits for. Nothing for a category that asks for no approval.
 */
export async function ApprovalPanel({ levels }: { levels: Level[] }) {
  if (levels.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("approvals"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "long", timeStyle: "short" }) : "");
  return (
    <section aria-labelledby="approval-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="approval-title" className="text-lg font-semibold">
        {t("panel.title")}
      </h2>
      <ol className="mt-2 space-y-2 text-sm">
        {levels.map((level) => {
          const who = level.decidedByName
            ? level.decidedFunction
              ? t("panel.whoWithFunction", { name: level.decidedByName, function: level.decidedFunction })
              : level.decidedByName
            : "";
          return (
            <li key={level.level}>
              <span className="font-medium">{t(`kinds.${level.approverKind}`)}</span>
              {" · "}
              {t(`panel.${level.state}`, { who, at: when(level.decidedAt ?? level.openedAt) })}
              {level.reason && <blockquote className="mt-1 border-l-4 border-slate-200 pl-3 text-slate-700">{level.reason}</blockquote>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
