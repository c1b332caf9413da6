import { getTranslations } from "next-intl/server";
import { ticketUrgency } from "@/lib/domain/home";
import type { SlaState } from "@/lib/domain/sla";
import type { Priority } from "@/lib/domain/vocabulary";

type Ticket = { priority: Priority; sla: { state: SlaState | null } };

/** The row's left edge for a breached or P1/P2 ticket: a colour that only repeats what the mark says in words. */
export function urgencyRowClass(ticket: Ticket): string {
  const urgency = ticketUrgency(ticket);
  return urgency === "breached"
    ? "border-l-4 border-l-red-600"
    : urgency === "urgent"
      ? "border-l-4 border-l-amber-500"
      : "border-l-4 border-l-transparent";
}

/** A ticket's priority, and for a breached or P1/P2 one an icon and a word saying so: not told by colour alone. */
export async function PriorityWithUrgency({ ticket }: { ticket: Ticket }) {
  const t = await getTranslations();
  const urgency = ticketUrgency(ticket);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 whitespace-nowrap">
      {t(`tickets.priority.${ticket.priority}`)}
      {urgency && (
        <span
          className={`inline-flex items-center gap-1 text-xs font-semibold ${urgency === "breached" ? "text-red-800" : "text-amber-900"}`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="currentColor">
            <path d="M10 2 19 18H1zm-1 6v5h2V8zm0 6v2h2v-2z" />
          </svg>
          {t(`shell.urgency.${urgency}`)}
        </span>
      )}
    </span>
  );
}
