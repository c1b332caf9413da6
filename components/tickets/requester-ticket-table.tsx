import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SlaListCell } from "@/components/sla/sla-list-cell";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import type { SlaState } from "@/lib/domain/sla";
import type { Priority, TicketStatus } from "@/lib/domain/vocabulary";
import { StatusBadge } from "./status-badge";
import { PriorityWithUrgency, urgencyRowClass } from "./urgency-mark";

export type RequesterTicketRow = {
  reference: string;
  title: string;
  status: TicketStatus;
  priority: Priority;
  createdAt: Date;
  service: { name: string };
  sla: { state: SlaState | null; ownBy: Date | null; resolveBy: Date | null; ownMet: boolean | null; resolveMet: boolean | null };
};

/** School staff's tickets: a table on screens, cards (reference, title, status, deadline, priority) on phones. */
export async function RequesterTicketTable({ tickets }: { tickets: RequesterTicketRow[] }) {
  const [t, tSla] = await Promise.all([getTranslations("tickets"), getTranslations("sla")]);
  return (
    <DataTable
      cards
      columns={[
        t("list.reference"),
        t("list.ticketTitle"),
        t("list.status"),
        tSla("column"),
        t("list.priority"),
        t("list.service"),
        t("list.createdAt"),
      ]}
    >
      {tickets.map((ticket) => (
        <tr key={ticket.reference} className={`border-t border-slate-100 ${urgencyRowClass(ticket)}`}>
          <td className="whitespace-nowrap px-3 py-2 font-mono">
            <Link className="text-brand-700 underline" href={`/demandes/${ticket.reference}`}>
              {ticket.reference}
            </Link>
          </td>
          <td className="px-3 py-2">{ticket.title}</td>
          <td className="px-3 py-2">
            <StatusBadge status={ticket.status} />
          </td>
          <td className="px-3 py-2">
            <SlaListCell status={ticket.status} sla={ticket.sla} forSchool />
          </td>
          <td className="px-3 py-2">
            <PriorityWithUrgency ticket={ticket} />
          </td>
          <td className="px-3 py-2" data-wide-only>
            {ticket.service.name}
          </td>
          <td className="whitespace-nowrap px-3 py-2" data-wide-only>
            <DateTime value={ticket.createdAt} style="short" />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
