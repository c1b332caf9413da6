import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type RenderedEmail } from "./templates";

/** The deliveries' e-mails are French: messages/fr/deliveries.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`deliveries.${key}`, values);
const frenchDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });

export const deliveryPath = (id: string) => `/livraisons/${encodeURIComponent(id)}`;

/** To the school's staff when the 5 working days passed unanswered: the delivery is deemed compliant. */
export function deemedCompliantEmail(input: {
  appUrl: string;
  recipientName: string;
  schoolName: string;
  supplier: string;
  deliveredOn: string;
  deliveryId: string;
}): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  return renderEmail(
    t("mail.deemed.subject", { supplier: input.supplier, day: frenchDay(input.deliveredOn) }),
    [
      { paragraph: t("mail.greeting", { name: input.recipientName }) },
      { paragraph: t("mail.deemed.body", { supplier: input.supplier, day: frenchDay(input.deliveredOn), school: input.schoolName }) },
      { paragraph: t("mail.deemed.after") },
      { link: { label: t("mail.deemed.link"), url: `${appUrl}${deliveryPath(input.deliveryId)}` } },
    ],
    t("mail.footer"),
  );
}
