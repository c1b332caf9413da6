import { translatorFor } from "@/i18n/text";
import { renderEmail, type Block, type RenderedEmail } from "./templates";

/** Approval e-mails are French: the words come from messages/fr/mail.json (`mail.approval`). */
const french = translatorFor("fr");
const t = (key: string, values?: Record<string, string | number>) => french(`mail.approval.${key}`, values);

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");
/** Where an approver decides once signed in: the ticket's approval page. */
export const approvalPagePath = (reference: string) => `/validations/${encodeURIComponent(reference)}`;

export type ApprovalRequestInput = {
  appUrl: string;
  reference: string;
  title: string;
  school: string;
  requesterName: string;
  recipientName: string;
  /** The signed one-time link's token (lib/services/approvals/approval-link.ts). */
  token: string;
  linkDays: number;
  reminder: boolean;
  /** When the ticket will be given up unanswered (a French date, Paris). */
  givenUpOn: string;
};

/** To an approver: a request waits for their decision; approve or refuse from the link, or from the page once signed in. */
export function approvalRequestEmail(input: ApprovalRequestInput): RenderedEmail {
  const values = { reference: input.reference, title: input.title, school: input.school, requester: input.requesterName };
  const blocks: Block[] = [
    { paragraph: french("mail.greeting", { name: input.recipientName }) },
    { paragraph: t(input.reminder ? "request.reminderBody" : "request.body", values) },
    { link: { label: t("request.link"), url: `${base(input.appUrl)}/validation/${encodeURIComponent(input.token)}` } },
    { paragraph: t("request.linkLife", { days: input.linkDays }) },
    { paragraph: t("request.givenUp", { date: input.givenUpOn }) },
    { link: { label: t("request.page"), url: `${base(input.appUrl)}${approvalPagePath(input.reference)}` } },
  ];
  const subject = `[${input.reference}] ${t(input.reminder ? "request.reminderSubject" : "request.subject", values)}`;
  return renderEmail(subject, blocks, french("mail.ticket.footer"));
}

export type ApprovalOutcomeInput = {
  appUrl: string;
  reference: string;
  title: string;
  recipientName: string;
  outcome: { kind: "refused"; by: string; reason: string } | { kind: "expired"; days: number };
};

/** To the requester (and, given up, the approvers): the request was refused, and why, or nobody answered in time. */
export function approvalOutcomeEmail(input: ApprovalOutcomeInput): RenderedEmail {
  const { outcome } = input;
  const blocks: Block[] = [
    { paragraph: french("mail.greeting", { name: input.recipientName }) },
    ...(outcome.kind === "refused"
      ? [{ paragraph: t("refused.body", { title: input.title, by: outcome.by }) }, { quote: outcome.reason }]
      : [{ paragraph: t("expired.body", { title: input.title, days: outcome.days }) }]),
    { paragraph: t(`${outcome.kind}.next`) },
    { link: { label: french("mail.ticket.followRequest"), url: `${base(input.appUrl)}/demandes/${encodeURIComponent(input.reference)}` } },
  ];
  return renderEmail(`[${input.reference}] ${t(`${outcome.kind}.subject`)}`, blocks, french("mail.ticket.footer"));
}
