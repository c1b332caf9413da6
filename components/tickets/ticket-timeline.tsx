import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import type { TicketEventKind, Visibility } from "@/lib/domain/vocabulary";
import { AttachmentLink } from "./attachment-link";
import { EventDetails } from "./event-details";

type TimelineEvent = {
  id: number;
  kind: TicketEventKind;
  /** Only the desk receives internal events; the school's page never has any. */
  visibility?: Visibility;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  author: { name: string | null } | null;
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
};

type Props = { events: TimelineEvent[]; forStaff?: boolean };

/**
 * The ticket's journal, oldest first, as the caller may see it (the service leaves internal notes out for schools).
 * Internal entries stand apart, tinted and labelled, so a note is never mistaken for a reply the school saw.
 */
export async function TicketTimeline({ events, forStaff = false }: Props) {
  const t = await getTranslations("tickets");
  return (
    <Panel title={t("timeline.title")}>
      <ol className="space-y-4">
        {events.map((event) => {
          const internal = event.visibility === "internal";
          return (
            <li
              key={event.id}
              data-visibility={event.visibility}
              className={
                internal ? "rounded-r-md border-l-4 border-amber-400 bg-amber-50 py-2 pl-3 pr-2" : "border-l-2 border-slate-200 pl-3"
              }
            >
              <p className="text-sm">
                {internal && (
                  <span className="mr-2 inline-block rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-950">
                    {t(event.kind === "comment" ? "timeline.internalNote" : "timeline.internal")}
                  </span>
                )}
                <span className="font-medium">{t(`timeline.kind.${event.kind}`)}</span>
                <span className="text-slate-500">
                  {" "}
                  · {event.author?.name ?? t("timeline.system")} · <DateTime value={event.createdAt} />
                </span>
              </p>
              <EventDetails event={event} forStaff={forStaff} />
              {event.body && <p className="mt-1 whitespace-pre-wrap break-words">{event.body}</p>}
              {event.attachments.length > 0 && (
                <div className="mt-2 text-sm">
                  <p className="text-slate-500">{t("timeline.attachments")}</p>
                  <ul className="mt-1 space-y-0.5">
                    {event.attachments.map((file) => (
                      <li key={file.id}>
                        <AttachmentLink file={file} />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
