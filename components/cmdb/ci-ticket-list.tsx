import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/tickets/status-badge";
import { DateTime } from "@/components/ui/date-time";
import type { Priority, TicketStatus } from "@/lib/domain/vocabulary";

type Ticket = {
  reference: string;
  title: string;
  status: TicketStatus;
  priority: Priority;
  createdAt: Date;
  category: string;
  ci: { name: string };
};

/** Tickets that named an item (or an item below it, `showCi`), each linking to where the reader follows it. */
export async function CiTicketList({ tickets, ticketBase, showCi = false }: { tickets: Ticket[]; ticketBase: string; showCi?: boolean }) {
  const t = await getTranslations("cmdb.detail");
  if (!tickets.length) return <p className="text-sm text-slate-600">{t("noTickets")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {tickets.map((ticket) => (
        <li key={ticket.reference} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
          <Link className="font-mono text-brand-700 underline" href={`${ticketBase}/${ticket.reference}`}>
            {ticket.reference}
          </Link>
          <span>{ticket.title}</span>
          <span className="text-slate-500">{ticket.category}</span>
          {showCi && <span className="text-slate-500">· {ticket.ci.name}</span>}
          <StatusBadge status={ticket.status} forStaff={ticketBase === "/bureau/tickets"} />
          <span className="text-slate-500">
            <DateTime value={ticket.createdAt} style="short" />
          </span>
        </li>
      ))}
    </ul>
  );
}
