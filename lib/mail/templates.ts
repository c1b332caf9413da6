import { translatorFor, type TextValues } from "@/i18n/text";
import { RATING_LINK_LIFETIME_DAYS } from "@/lib/services/tickets/rating-link";
import { REOPEN_WINDOW_DAYS } from "@/lib/domain/ticket-status";
import { visitDay } from "@/lib/presentation/visit-day";

/** What each ticket e-mail says beyond the ticket itself. Quoted texts are public messages only. */
export type TicketEmailContent =
  | { kind: "created" }
  | { kind: "assigned"; teamName: string | null }
  | { kind: "answered"; reply: string }
  | { kind: "waiting_requester"; question: string | null }
  | { kind: "resolved"; resolution: string | null }
  | { kind: "closed"; ratingToken: string }
  | { kind: "merged"; masterReference: string }
  | { kind: "escalated"; target: string; reason: string }
  | { kind: "watched"; holdingTeam: string | null }
  /** To the Région's team: a vendor's message or, when it handed the ticket back, its report (internal texts, staff only). */
  | { kind: "vendor_message"; message: string; handedBack: boolean }
  | { kind: "sla"; headline: string; detail: string }
  /** To the school: the on-site visit planned for its ticket, or moved. */
  | { kind: "visit_planned"; onDate: string; halfDay: "am" | "pm"; rescheduled: boolean };

/** Staff e-mails open the technicians' page of the ticket; the school's open its own. */
const STAFF_KINDS: ReadonlySet<TicketEmailContent["kind"]> = new Set(["escalated", "watched", "sla", "vendor_message"]);

export type TicketEmailInput = {
  appUrl: string;
  reference: string;
  title: string;
  recipientName: string;
  content: TicketEmailContent;
  /** Mail in is on (MAIL_IN_REPLY_ADDRESS): the footer invites a reply by e-mail instead of forbidding it. */
  repliesByMail?: boolean;
};

export type RenderedEmail = { subject: string; text: string; html: string };

// The body is a list of blocks so that the text and HTML versions always say the same thing.
export type Block = { paragraph: string } | { quote: string } | { link: { label: string; url: string } };

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

/** Ticket e-mails are French: the words come from messages/fr/mail.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`mail.ticket.${key}`, values);

function subjectAndBlocks(input: TicketEmailInput, appUrl: string): { subject: string; blocks: Block[] } {
  const title = input.title;
  const { content } = input;
  switch (content.kind) {
    case "created":
      return {
        subject: t("created.subject"),
        blocks: [{ paragraph: t("created.body", { title, reference: input.reference }) }, { paragraph: t("created.next") }],
      };
    case "assigned":
      return {
        subject: t("assigned.subject"),
        blocks: [{ paragraph: content.teamName ? t("assigned.toTeam", { title, team: content.teamName }) : t("assigned.body", { title }) }],
      };
    case "answered":
      return {
        subject: t("answered.subject"),
        blocks: [{ paragraph: t("answered.body", { title }) }, { quote: content.reply }, { paragraph: t("answered.next") }],
      };
    case "waiting_requester":
      return {
        subject: t("waitingRequester.subject"),
        blocks: [
          { paragraph: t("waitingRequester.body", { title }) },
          ...(content.question ? [{ quote: content.question }] : []),
          { paragraph: t("waitingRequester.next") },
        ],
      };
    case "resolved":
      return {
        subject: t("resolved.subject"),
        blocks: [
          { paragraph: t("resolved.body", { title }) },
          ...(content.resolution ? [{ quote: content.resolution }] : []),
          { paragraph: t("resolved.next", { days: REOPEN_WINDOW_DAYS }) },
        ],
      };
    case "merged": {
      const master = content.masterReference;
      return {
        subject: t("merged.subject"),
        blocks: [
          { paragraph: t("merged.body", { title, master }) },
          { paragraph: t("merged.next", { master }) },
          { link: { label: t("merged.link", { master }), url: `${appUrl}/demandes/${encodeURIComponent(master)}` } },
        ],
      };
    }
    case "escalated":
      return {
        subject: t("escalated.subject", { target: content.target }),
        blocks: [{ paragraph: t("escalated.body", { title, target: content.target }) }, { quote: content.reason }],
      };
    case "watched":
      return {
        subject: t("watched.subject"),
        blocks: [
          { paragraph: content.holdingTeam ? t("watched.bodyHeld", { title, team: content.holdingTeam }) : t("watched.body", { title }) },
          { paragraph: t("watched.next") },
        ],
      };
    case "vendor_message":
      return content.handedBack
        ? {
            subject: t("vendorHandedBack.subject"),
            blocks: [
              { paragraph: t("vendorHandedBack.body", { title }) },
              { quote: content.message },
              { paragraph: t("vendorHandedBack.next") },
            ],
          }
        : { subject: t("vendorMessage.subject"), blocks: [{ paragraph: t("vendorMessage.body", { title }) }, { quote: content.message }] };
    case "sla":
      return { subject: content.headline, blocks: [{ paragraph: t("sla.body", { title, detail: content.detail }) }] };
    case "visit_planned": {
      const when = { title, day: visitDay(content.onDate, "fr"), halfDay: content.halfDay };
      return {
        subject: t(content.rescheduled ? "visit.moved" : "visit.planned"),
        blocks: [{ paragraph: t(content.rescheduled ? "visit.movedBody" : "visit.plannedBody", when) }, { paragraph: t("visit.next") }],
      };
    }
    case "closed":
      return {
        subject: t("closed.subject"),
        blocks: [
          { paragraph: t("closed.body", { title }) },
          { paragraph: t("closed.next") },
          { link: { label: t("closed.link"), url: `${appUrl}/evaluation/${encodeURIComponent(content.ratingToken)}` } },
          { paragraph: t("closed.linkLife", { days: RATING_LINK_LIFETIME_DAYS }) },
        ],
      };
  }
}

function textOf(block: Block): string {
  if ("paragraph" in block) return block.paragraph;
  if ("quote" in block)
    return block.quote
      .split(/\r?\n/)
      .map((line) => `> ${line}`)
      .join("\n");
  return `${block.link.label} : ${block.link.url}`;
}

function htmlOf(block: Block): string {
  if ("paragraph" in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
  if ("quote" in block) return `<blockquote><p>${escapeHtml(block.quote).replace(/\r?\n/g, "<br>")}</p></blockquote>`;
  return `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`;
}

/** The e-mail (in French) announcing a ticket's step to its requester; every one links to the ticket's page. */
export function ticketEmail(input: TicketEmailInput): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  const { subject: summary, blocks } = subjectAndBlocks(input, appUrl);
  const subject = `[${input.reference}] ${summary}`;
  const link = STAFF_KINDS.has(input.content.kind)
    ? { label: t("openTicket"), url: `${appUrl}/bureau/tickets/${encodeURIComponent(input.reference)}` }
    : { label: t("followRequest"), url: `${appUrl}/demandes/${encodeURIComponent(input.reference)}` };
  return renderEmail(
    subject,
    [{ paragraph: french("mail.greeting", { name: input.recipientName }) }, ...blocks, { link }],
    t(input.repliesByMail ? "footerReplies" : "footer"),
  );
}

/** The text and HTML versions of one e-mail, from the same blocks so they always say the same thing. */
export function renderEmail(subject: string, body: Block[], footer: string): RenderedEmail {
  const text = `${body.map(textOf).join("\n\n")}\n\n-- \n${footer}\n`;
  const html = [
    "<!doctype html>",
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    "<body>",
    ...body.map(htmlOf),
    `<hr><p><small>${escapeHtml(footer)}</small></p>`,
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}
