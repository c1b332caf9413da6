/**
 * The weekly report in words, once: the e-mail, the page and the PDF write these sections, so they say the
 * same thing. Pure: the words come through `t` (keys of messages/<locale>/weeklyReport.json, unprefixed),
 * dates through Intl in Paris time.
 */
import { dayOfWeek, parseIsoWeek } from "../domain/iso-week";
import type { WeeklyReport } from "../domain/weekly-report";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ReportSection = {
  id: "opened" | "resolved" | "interventions" | "waiting" | "nextWeek";
  title: string;
  lines: string[];
  empty: string;
  note?: string;
};
export type ReportText = { heading: string; from: string; to: string; sections: ReportSection[] };

const LOCALES = { fr: "fr-FR", en: "en-GB" } as const;

export function reportFormats(locale: "fr" | "en") {
  const day = new Intl.DateTimeFormat(LOCALES[locale], { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const longDay = new Intl.DateTimeFormat(LOCALES[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(LOCALES[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Paris",
  });
  return {
    /** "mardi 15 décembre" for a calendar day. */
    day: (iso: string) => day.format(new Date(`${iso}T12:00:00Z`)),
    longDay: (iso: string) => longDay.format(new Date(`${iso}T12:00:00Z`)),
    moment: (instant: Date) => moment.format(instant),
  };
}

export function duration(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60);
  return hours ? t("hours", { hours, minutes: String(minutes % 60).padStart(2, "0") }) : t("minutes", { minutes });
}

export function weeklyReportText(report: WeeklyReport, t: Translate, locale: "fr" | "en"): ReportText {
  const formats = reportFormats(locale);
  const week = parseIsoWeek(report.week)!;
  const from = formats.longDay(week.monday);
  const to = formats.longDay(dayOfWeek(week, 7));
  const tickets = (list: WeeklyReport["opened"]) => list.map((ticket) => t("ticket", { reference: ticket.reference, title: ticket.title }));
  const halfDay = (value: "am" | "pm") => t(`halfDays.${value}`);
  return {
    heading: t("heading", { school: report.school.name, from, to }),
    from,
    to,
    sections: [
      { id: "opened", title: t("sections.opened", { count: report.opened.length }), lines: tickets(report.opened), empty: t("none") },
      {
        id: "resolved",
        title: t("sections.resolved", { count: report.resolved.length }),
        lines: tickets(report.resolved),
        empty: t("none"),
      },
      {
        id: "interventions",
        title: t("sections.interventions", { count: report.time.interventions }),
        empty: t("none"),
        ...(report.time.interventions
          ? {
              note: t("timeSpent", {
                time: duration(report.time.minutes, t),
                onSite: report.time.onSite,
                travel: duration(report.time.travelMinutes, t),
              }),
            }
          : {}),
        lines: report.interventions.map((intervention) =>
          t("intervention", {
            date: formats.moment(intervention.startedAt),
            mode: t(`modes.${intervention.mode}`),
            time: duration(intervention.minutes, t),
            reference: intervention.ticketReference,
            summary: intervention.summary,
          }),
        ),
      },
      { id: "waiting", title: t("sections.waiting", { count: report.waiting.length }), lines: tickets(report.waiting), empty: t("none") },
      {
        id: "nextWeek",
        title: t("sections.nextWeek"),
        empty: t("noVisit"),
        lines: report.nextWeek.map((visit) =>
          visit.tickets.length
            ? t("visitTickets", {
                date: formats.day(visit.onDate),
                halfDay: halfDay(visit.halfDay),
                technician: visit.technicianName,
                tickets: visit.tickets.map((ticket) => ticket.reference).join(", "),
              })
            : t("visit", { date: formats.day(visit.onDate), halfDay: halfDay(visit.halfDay), technician: visit.technicianName }),
        ),
      },
    ],
  };
}
