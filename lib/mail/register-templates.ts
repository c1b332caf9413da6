import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type RenderedEmail } from "./templates";

/** The registers' e-mails and the removal ticket's words are French: messages/fr/registers.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`registers.${key}`, values);
const frenchDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });

/** The school's page of registers, where the renewal's one-click form is. */
export const registersPath = (uai: string) => `/etablissements/${encodeURIComponent(uai)}/registres`;

/** To the requester and the head, a week before a filtering exception ends: renew it in one click. */
export function filteringRenewalEmail(input: {
  appUrl: string;
  recipientName: string;
  uai: string;
  schoolName: string;
  url: string;
  endsOn: string;
  reference: string;
}): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  return renderEmail(
    t("mail.renewal.subject", { url: input.url }),
    [
      { paragraph: t("mail.greeting", { name: input.recipientName }) },
      {
        paragraph: t("mail.renewal.body", {
          url: input.url,
          school: input.schoolName,
          end: frenchDay(input.endsOn),
          reference: input.reference,
        }),
      },
      { paragraph: t("mail.renewal.how") },
      { link: { label: t("mail.renewal.link"), url: `${appUrl}${registersPath(input.uai)}` } },
    ],
    t("mail.footer"),
  );
}

/** To the head at a delegation's anniversary: review it. */
export function delegationReviewEmail(input: {
  appUrl: string;
  recipientName: string;
  uai: string;
  schoolName: string;
  delegateName: string;
  scope: string;
}): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  return renderEmail(
    t("mail.review.subject", { person: input.delegateName }),
    [
      { paragraph: t("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("mail.review.body", { person: input.delegateName, scope: input.scope, school: input.schoolName }) },
      { link: { label: t("mail.review.link"), url: `${appUrl}${registersPath(input.uai)}` } },
    ],
    t("mail.footer"),
  );
}

/** The security team's ticket to remove an expired rule: its title and description, citing the approved request. */
export function removalTicketText(input: { url: string; decision: "allow" | "deny"; endsOn: string; reference: string }) {
  const values = { url: input.url, end: frenchDay(input.endsOn), reference: input.reference, decision: t(`decisions.${input.decision}`) };
  return { title: t("removal.title", values), description: t("removal.description", values) };
}
