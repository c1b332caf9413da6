import { getTranslations } from "next-intl/server";
import type { TicketStatus } from "@/lib/domain/vocabulary";

const TONE: Record<TicketStatus, string> = {
  awaiting_approval: "bg-violet-50 text-violet-800 ring-violet-200",
  new: "bg-sky-50 text-sky-800 ring-sky-200",
  assigned: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  in_progress: "bg-blue-50 text-blue-800 ring-blue-200",
  waiting_requester: "bg-amber-50 text-amber-900 ring-amber-300",
  waiting_vendor: "bg-orange-50 text-orange-800 ring-orange-200",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-300",
  // slate-600 on slate-100: the contrast WCAG AA asks of small text (slate-500 fell short).
  cancelled: "bg-slate-100 text-slate-600 ring-slate-200",
};

/**
 * A ticket's status as a coloured pill with its French label; `forStaff` words it for the people
 * working the ticket ("En attente du demandeur" rather than the school's "En attente de votre réponse").
 */
export async function StatusBadge({ status, forStaff = false }: { status: TicketStatus; forStaff?: boolean }) {
  const t = await getTranslations("tickets");
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE[status]}`}>
      {t(forStaff ? `staffStatus.${status}` : `status.${status}`)}
    </span>
  );
}
