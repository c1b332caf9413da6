import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import { TICKET_STATUSES, type TicketEventKind, type TicketStatus } from "@/lib/domain/vocabulary";
import { AttachmentLink } from "./attachment-link";

type TimelineEvent = {
  id: number;
  kind: TicketEventKind;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  author: { name: string | null } | null;
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
};

const asStatus = (value: unknown): TicketStatus | null =>
  TICKET_STATUSES.includes(value as TicketStatus) ? (value as TicketStatus) : null;

/** The ticket's journal, oldest first, as the caller may see it (the service leaves internal notes out for schools). */
export async function TicketTimeline({ events }: { events: TimelineEvent[] }) {
  const t = await getTranslations("tickets");
  const statusChange = (event: TimelineEvent) => {
    const from = asStatus(event.data.from);
    const to = asStatus(event.data.to);
    return event.kind === "status_changed" && from && to ? t("timeline.statusChange", { from: t(`status.${from}`), to: t(`status.${to}`) }) : null;
  };
  return (
    <Panel title={t("timeline.title")}>
      <ol className="space-y-4">
        {events.map((event) => (
          <li key={event.id} className="border-l-2 border-slate-200 pl-3">
            <p className="text-sm">
              <span className="font-medium">{t(`timeline.kind.${event.kind}`)}</span>
              <span className="text-slate-500"> · {event.author?.name ?? t("timeline.system")} · <DateTime value={event.createdAt} /></span>
            </p>
            {statusChange(event) && <p className="mt-1 text-sm">{statusChange(event)}</p>}
            {event.body && <p className="mt-1 whitespace-pre-wrap break-words">{event.body}</p>}
            {event.attachments.length > 0 && (
              <div className="mt-2 text-sm">
                <p className="text-slate-500">{t("timeline.attachments")}</p>
                <ul className="mt-1 space-y-0.5">
                  {event.attachments.map((file) => <li key={file.id}><AttachmentLink file={file} /></li>)}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
