import { getTranslations } from "next-intl/server";
import type { Priority, TicketStatus, TicketType } from "@/lib/domain/vocabulary";
import { StatusBadge } from "./status-badge";

type Props = { ticket: { reference: string; title: string; status: TicketStatus; priority: Priority; type: TicketType } };

/** Reference, title, status, priority and type of one ticket; `forStaff` words the status for the desk. */
export async function TicketHeader({ ticket, forStaff = false }: Props & { forStaff?: boolean }) {
  const t = await getTranslations("tickets");
  return (
    <header>
      <p className="font-mono text-sm text-slate-500">{ticket.reference}</p>
      <h1 className="mt-1 text-2xl font-semibold">{ticket.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusBadge status={ticket.status} forStaff={forStaff} />
        <span>{t(`type.${ticket.type}`)}</span>
        <span aria-hidden="true">·</span>
        <span>{t("detail.priority", { priority: t(`priority.${ticket.priority}`) })}</span>
      </p>
    </header>
  );
}
