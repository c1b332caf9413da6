import { getFormatter, getTranslations } from "next-intl/server";
import { nextDeadline, slaBadge } from "@/lib/domain/sla-display";
import type { SlaState } from "@/lib/domain/sla";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { SlaBadge } from "./sla-badge";

type Props = {
  status: TicketStatus;
  sla: { state: SlaState | null; ownBy: Date | null; resolveBy: Date | null; ownMet: boolean | null; resolveMet: boolean | null };
  /** School staff read plain words. */
  forSchool?: boolean;
};

/** A list row's SLA: its badge and the next deadline, from the stored columns only. */
export async function SlaListCell({ status, sla, forSchool = false }: Props) {
  const [t, format] = await Promise.all([getTranslations("sla"), getFormatter()]);
  const stored = {
    status,
    slaState: sla.state,
    ownBy: sla.ownBy,
    resolveBy: sla.resolveBy,
    ownMet: sla.ownMet,
    resolveMet: sla.resolveMet,
  };
  const next = nextDeadline(stored);
  return (
    <div className="space-y-0.5">
      <SlaBadge group={forSchool ? "schoolBadge" : "badge"} state={slaBadge(stored)} />
      {next && (
        <p className="whitespace-nowrap text-xs text-slate-600">
          <time dateTime={next.dueAt.toISOString()}>
            {t(`next.${next.timer}`, { date: format.dateTime(next.dueAt, { dateStyle: "short", timeStyle: "short" }) })}
          </time>
        </p>
      )}
    </div>
  );
}
