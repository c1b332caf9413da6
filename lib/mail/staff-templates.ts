import { translatorFor } from "@/i18n/text";
import type { StaffNotificationKind } from "@/lib/domain/staff-notifications";
import { renderEmail, type Block, type RenderedEmail } from "./templates";

/** Staff e-mails are French: the words come from messages/fr/notifications.json. */
const t = translatorFor("fr");

const ticketUrl = (appUrl: string, reference: string) => `${appUrl.replace(/\/+$/, "")}/bureau/tickets/${encodeURIComponent(reference)}`;

export type StaffTicketEmailInput = {
  appUrl: string;
  reference: string;
  title: string;
  school: string;
  recipientName: string;
  /** The kinds worded here; escalations and vendors' answers keep their ticket e-mail (lib/mail/templates.ts). */
  kind: Extract<StaffNotificationKind, "new_ticket" | "assigned" | "reply">;
  /** The requester's public reply, quoted in a `reply`. */
  quote?: string | null;
};

/** The "each time" e-mail of a staff notification; it opens the ticket on the desk. */
export function staffTicketEmail(input: StaffTicketEmailInput): RenderedEmail {
  const values = { reference: input.reference, title: input.title, school: input.school };
  const blocks: Block[] = [
    { paragraph: t("notifications.email.greeting", { name: input.recipientName }) },
    { paragraph: t(`notifications.email.${input.kind}.body`, values) },
    ...(input.quote ? [{ quote: input.quote }] : []),
    { link: { label: t("notifications.email.open"), url: ticketUrl(input.appUrl, input.reference) } },
  ];
  return renderEmail(t(`notifications.email.${input.kind}.subject`, values), blocks, t("notifications.email.footer"));
}

export type DigestLine = { kind: StaffNotificationKind; reference: string; title: string };

/** One person's digest: a line per notification since the last one, each linking to its ticket. */
export function digestEmail(input: { appUrl: string; recipientName: string; lines: DigestLine[] }): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  const blocks: Block[] = [
    { paragraph: t("notifications.email.greeting", { name: input.recipientName }) },
    { paragraph: t("notifications.email.digest.intro") },
    ...input.lines.map((line) => ({
      link: {
        label: t("notifications.email.digest.line", {
          reference: line.reference,
          title: line.title,
          kind: t(`notifications.kinds.${line.kind}`),
        }),
        url: ticketUrl(appUrl, line.reference),
      },
    })),
    { link: { label: t("notifications.email.digest.all"), url: `${appUrl}/notifications` } },
  ];
  return renderEmail(t("notifications.email.digest.subject", { count: input.lines.length }), blocks, t("notifications.email.footer"));
}
