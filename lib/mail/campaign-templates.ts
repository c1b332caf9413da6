import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type RenderedEmail } from "./templates";

/** Campaign e-mails are French: the words come from messages/fr/campaigns.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`campaigns.mail.${key}`, values);

const frenchDay = (day: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", dateStyle: "long" }).format(new Date(`${day}T00:00:00Z`));

type Common = { appUrl: string; recipientName: string; year: number; school: { uai: string; name: string } };

const questionnaireUrl = (input: Common) =>
  `${input.appUrl.replace(/\/+$/, "")}/campagnes/${input.year}/etablissements/${input.school.uai}`;

/** The survey opens: the school's head and secrétaire général are asked to fill the questionnaire before its end. */
export function surveyOpenEmail(input: Common & { surveyTo: string }): RenderedEmail {
  return renderEmail(
    t("survey.subject", { year: input.year, school: input.school.name }),
    [
      { paragraph: french("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("survey.body", { year: input.year, school: input.school.name, to: frenchDay(input.surveyTo) }) },
      { paragraph: t("survey.approval") },
      { link: { label: t("link"), url: questionnaireUrl(input) } },
    ],
    french("mail.account.footer"),
  );
}

/** A member of staff submitted: the head approves it from the questionnaire. */
export function approvalAwaitedEmail(input: Common & { submitterName: string }): RenderedEmail {
  return renderEmail(
    t("approval.subject", { year: input.year, school: input.school.name }),
    [
      { paragraph: french("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("approval.body", { who: input.submitterName, year: input.year, school: input.school.name }) },
      { link: { label: t("link"), url: questionnaireUrl(input) } },
    ],
    french("mail.account.footer"),
  );
}

/** The allocations are notified: the school's lines, what was granted and why a request was cut. */
export function allocationEmail(
  input: Common & { lines: Array<{ label: string; room: string | null; requested: number; granted: number; reason: string | null }> },
): RenderedEmail {
  return renderEmail(
    t("allocation.subject", { year: input.year, school: input.school.name }),
    [
      { paragraph: french("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("allocation.body", { year: input.year, school: input.school.name }) },
      ...input.lines.map((line) => ({
        paragraph: t(line.reason ? "allocation.lineWithReason" : "allocation.line", {
          label: line.label,
          room: line.room ?? t("allocation.noRoom"),
          requested: line.requested,
          granted: line.granted,
          reason: line.reason ?? "",
        }),
      })),
      { link: { label: t("link"), url: questionnaireUrl(input) } },
    ],
    french("mail.account.footer"),
  );
}
