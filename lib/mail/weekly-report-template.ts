import { translatorFor } from "@/i18n/text";
import type { WeeklyReport } from "@/lib/domain/weekly-report";
import { weeklyReportText, type Translate } from "@/lib/presentation/weekly-report-text";
import { renderEmail, type Block, type RenderedEmail } from "./templates";

/** The weekly activity report by e-mail, in French from the catalogue (messages/fr/weeklyReport.json). */
const french = translatorFor("fr");
const t: Translate = (key, values) => french(`weeklyReport.${key}`, values);

function schoolBlocks(report: WeeklyReport, appUrl: string): Block[] {
  const text = weeklyReportText(report, t, "fr");
  return [
    ...text.sections.flatMap((section): Block[] => [
      { paragraph: section.title },
      ...(section.note ? [{ paragraph: section.note }] : []),
      ...(section.lines.length ? section.lines.map((line) => ({ paragraph: `– ${line}` })) : [{ paragraph: section.empty }]),
    ]),
    { link: { label: t("mail.link", { school: report.school.name }), url: `${appUrl}${report.path}` } },
  ];
}

/** To a school's head: that school's week. */
export function schoolWeeklyReportEmail(input: { appUrl: string; recipientName: string; report: WeeklyReport }): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  const { from, to } = weeklyReportText(input.report, t, "fr");
  return renderEmail(
    t("mail.subject", { week: input.report.week, school: input.report.school.name }),
    [
      { paragraph: t("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("mail.intro", { from, to, school: input.report.school.name }) },
      ...schoolBlocks(input.report, appUrl),
    ],
    t("mail.footer"),
  );
}

/** To a zone's sector lead: one e-mail, a section per active school. */
export function zoneWeeklyReportEmail(input: {
  appUrl: string;
  recipientName: string;
  zoneName: string;
  reports: WeeklyReport[];
}): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  const first = weeklyReportText(input.reports[0]!, t, "fr");
  return renderEmail(
    t("mail.zoneSubject", { week: input.reports[0]!.week, zone: input.zoneName }),
    [
      { paragraph: t("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("mail.zoneIntro", { from: first.from, to: first.to, zone: input.zoneName }) },
      ...input.reports.flatMap((report): Block[] => [
        { paragraph: `■ ${report.school.name} (${report.school.uai})` },
        ...schoolBlocks(report, appUrl),
      ]),
    ],
    t("mail.footer"),
  );
}
