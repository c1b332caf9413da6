import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type Block, type RenderedEmail } from "./templates";

/** Mail in's answers are French: messages/fr/mail.json, `mailIn`. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`mail.mailIn.${key}`, values);

export const mailInText = t;

/** To an address Guichet does not know (or not a school's): nothing was created, the portal is the way in. */
export function unknownSenderEmail(input: { appUrl: string; address: string; subject: string }): RenderedEmail {
  return renderEmail(
    t("unknown.subject"),
    [
      { paragraph: t("unknown.body", { subject: input.subject, address: input.address }) },
      { paragraph: t("unknown.next") },
      { link: { label: t("portalLink"), url: input.appUrl.replace(/\/+$/, "") } },
    ],
    t("footer"),
  );
}

export type RefusedReply = "forbidden" | "unknownSender" | "closed" | "attachments" | "empty";

/** To the author of a reply that was not added to its ticket, saying why. */
export function refusedReplyEmail(input: {
  appUrl: string;
  reference: string;
  address: string;
  subject: string;
  why: RefusedReply;
  problems?: string;
}): RenderedEmail {
  const values = { reference: input.reference, subject: input.subject, address: input.address, problems: input.problems ?? "" };
  const blocks: Block[] = [{ paragraph: t(`refused.${input.why}`, values) }, { paragraph: t("refused.next") }];
  return renderEmail(t("refused.subject", values), blocks, t("footer"));
}

/** To a school contact whose message could not be filed (a refused attachment, a school out of the perimeter…). */
export function notFiledEmail(input: { appUrl: string; subject: string; reason: string }): RenderedEmail {
  return renderEmail(
    t("notFiled.subject"),
    [
      { paragraph: t("notFiled.body", { subject: input.subject, reason: input.reason }) },
      { paragraph: t("notFiled.next") },
      { link: { label: t("portalLink"), url: input.appUrl.replace(/\/+$/, "") } },
    ],
    t("footer"),
  );
}
