import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type RenderedEmail } from "./templates";

/** Announcement e-mails are French: the words come from messages/fr/announcements.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`announcements.mail.${key}`, values);

const PARIS = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" });

export type AnnouncementEmailInput = {
  appUrl: string;
  recipientName: string;
  moment: "published" | "ended";
  announcement: { title: string; body: string; kind: "outage" | "planned"; startsAt: Date; endsAt: Date };
};

/** The e-mail telling a school's staff of an announced incident or planned works, or of its end. */
export function announcementEmail(input: AnnouncementEmailInput): RenderedEmail {
  const { announcement } = input;
  const link = { link: { label: t("link"), url: `${input.appUrl.replace(/\/+$/, "")}/etat-des-services` } };
  const greeting = { paragraph: french("mail.greeting", { name: input.recipientName }) };
  const footer = french("mail.account.footer");
  if (input.moment === "ended") {
    return renderEmail(
      t("ended.subject", { title: announcement.title }),
      [
        greeting,
        { paragraph: t("ended.body", { title: announcement.title, at: PARIS.format(announcement.endsAt) }) },
        { paragraph: t("ended.stillWrong") },
        link,
      ],
      footer,
    );
  }
  return renderEmail(
    t("published.subject", { kind: french(`announcements.kinds.${announcement.kind}`), title: announcement.title }),
    [
      greeting,
      { paragraph: t("published.body", { title: announcement.title }) },
      { quote: announcement.body },
      { paragraph: t("published.period", { from: PARIS.format(announcement.startsAt), to: PARIS.format(announcement.endsAt) }) },
      ...(announcement.kind === "outage" ? [{ paragraph: t("published.noNeed") }] : []),
      link,
    ],
    footer,
  );
}
