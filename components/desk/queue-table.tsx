import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/tickets/status-badge";
import { PriorityWithUrgency, urgencyRowClass } from "@/components/tickets/urgency-mark";
import { DataTable } from "@/components/ui/data-table";
import { SlaListCell } from "@/components/sla/sla-list-cell";
import { DateTime } from "@/components/ui/date-time";
import type { SlaState } from "@/lib/domain/sla";
import type { OnboardingState, Priority, TicketStatus } from "@/lib/domain/vocabulary";
import { OnboardingNotice } from "@/components/establishments/onboarding-notice";
import { SelectAllCheckbox } from "./select-all-checkbox";

export type QueueRow = {
  reference: string;
  title: string;
  priority: Priority;
  status: TicketStatus;
  createdAt: Date;
  establishment: { uai: string; name: string; onboardingState: OnboardingState };
  assignedTeam: { name: string } | null;
  sla: { state: SlaState | null; ownBy: Date | null; resolveBy: Date | null; ownMet: boolean | null; resolveMet: boolean | null };
};

/** One page of a queue, a checkbox per ticket for the bulk bar around it when the caller may make bulk changes (`selectable`). */
export async function QueueTable({ items, selectable = true }: { items: QueueRow[]; selectable?: boolean }) {
  const t = await getTranslations();
  const column = (key: string) => t(`desk.columns.${key}`);
  return (
    <DataTable
      cards
      columns={[
        ...(selectable ? [<SelectAllCheckbox key="all" field="references" />] : []),
        column("reference"),
        `${column("title")} · ${column("establishment")}`,
        column("priority"),
        column("status"),
        t("sla.column"),
        column("team"),
        column("createdAt"),
      ]}
    >
      {items.map((ticket) => (
        <tr key={ticket.reference} className={`border-t border-slate-100 ${urgencyRowClass(ticket)}`}>
          {selectable && (
            <td className="px-3 py-2 max-md:float-right">
              <input
                type="checkbox"
                name="references"
                value={ticket.reference}
                aria-label={t("desk.bulk.select", { reference: ticket.reference })}
              />
            </td>
          )}
          <td className="whitespace-nowrap px-3 py-2 font-mono">
            <Link className="text-brand-700 underline" href={`/bureau/tickets/${ticket.reference}`}>
              {ticket.reference}
            </Link>
          </td>
          <td className="px-3 py-2">
            {ticket.title}
            <span className="block text-xs text-slate-500">
              {ticket.establishment.name} ({ticket.establishment.uai})
            </span>
            <OnboardingNotice state={ticket.establishment.onboardingState} />
          </td>
          <td className="px-3 py-2">
            <PriorityWithUrgency ticket={ticket} />
          </td>
          <td className="px-3 py-2">
            <StatusBadge status={ticket.status} forStaff />
          </td>
          <td className="px-3 py-2">
            <SlaListCell status={ticket.status} sla={ticket.sla} />
          </td>
          <td className="px-3 py-2" data-wide-only>
            {ticket.assignedTeam?.name ?? <span className="text-slate-500">{t("desk.columns.noTeam")}</span>}
          </td>
          <td className="whitespace-nowrap px-3 py-2" data-wide-only>
            <DateTime value={ticket.createdAt} style="short" />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
