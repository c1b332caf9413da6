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
};

export type RenderedEmail = { subject: string; text: string; html: string };

// The body is a list of blocks so that the text and HTML versions always say the same thing.
export type Block = { paragraph: string } | { quote: string } | { link: { label: string; url: string } };

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

const quoted = (title: string) => `« ${title} »`;

function subjectAndBlocks(input: TicketEmailInput, appUrl: string): { subject: string; blocks: Block[] } {
  const title = quoted(input.title);
  const { content } = input;
  switch (content.kind) {
    case "created":
      return {
        subject: "Votre demande a été enregistrée",
        blocks: [
          { paragraph: `Votre demande ${title} a été enregistrée sous la référence ${input.reference}.` },
          { paragraph: "Une équipe va la prendre en charge. Vous recevrez un e-mail à chaque étape de son traitement." },
        ],
      };
    case "assigned":
      return {
        subject: "Votre demande est prise en charge",
        blocks: [{
          paragraph: content.teamName
            ? `Votre demande ${title} a été confiée à l'équipe ${content.teamName}.`
            : `Votre demande ${title} a été prise en charge.`,
        }],
      };
    case "answered":
      return {
        subject: "Nouvelle réponse à votre demande",
        blocks: [
          { paragraph: `Une réponse a été apportée à votre demande ${title} :` },
          { quote: content.reply },
          { paragraph: "Vous pouvez répondre depuis la page de votre demande." },
        ],
      };
    case "waiting_requester":
      return {
        subject: "Une réponse de votre part est attendue",
        blocks: [
          { paragraph: `Le technicien chargé de votre demande ${title} a besoin d'une réponse de votre part pour avancer.` },
          ...(content.question ? [{ quote: content.question }] : []),
          { paragraph: "Répondez depuis la page de votre demande : son traitement reprendra dès votre réponse." },
        ],
      };
    case "resolved":
      return {
        subject: "Votre demande a été résolue",
        blocks: [
          { paragraph: `Votre demande ${title} a été marquée comme résolue.` },
          ...(content.resolution ? [{ quote: content.resolution }] : []),
          {
            paragraph: `Si le problème est réglé, confirmez la résolution ; sinon, rouvrez la demande dans les ${REOPEN_WINDOW_DAYS} jours. `
              + "Passé ce délai, elle sera clôturée automatiquement.",
          },
        ],
      };
    case "merged":
      return {
        subject: "Votre demande rejoint une demande identique",
        blocks: [
          { paragraph: `Votre demande ${title} traite le même problème que la demande ${content.masterReference} : elle y a été rattachée et close.` },
          { paragraph: `Vous suivez désormais la demande ${content.masterReference} et recevrez ses nouvelles par e-mail.` },
          { link: { label: `Suivre la demande ${content.masterReference}`, url: `${appUrl}/demandes/${encodeURIComponent(content.masterReference)}` } },
        ],
      };
    case "escalated":
      return {
        subject: `Ticket escaladé : ${content.target}`,
        blocks: [
          { paragraph: `Le ticket ${title} vous est transmis (${content.target}). Motif :` },
          { quote: content.reason },
        ],
      };
    case "watched":
      return {
        subject: "Ticket transmis pour information",
        blocks: [
          { paragraph: `Votre équipe est informée du ticket ${title}${content.holdingTeam ? `, traité par l'équipe ${content.holdingTeam}` : ""}.` },
          { paragraph: "Vous pouvez le suivre et y laisser des notes internes." },
        ],
      };
    case "vendor_message":
      return content.handedBack
        ? {
          subject: "Ticket rendu par le prestataire",
          blocks: [
            { paragraph: `Le prestataire a rendu le ticket ${title} avec son rapport :` },
            { quote: content.message },
            { paragraph: "À votre équipe de le résoudre et d'informer l'établissement." },
          ],
        }
        : { subject: "Message du prestataire", blocks: [{ paragraph: `Le prestataire écrit sur le ticket ${title} :` }, { quote: content.message }] };
    case "sla":
      return { subject: content.headline, blocks: [{ paragraph: `Ticket ${title} : ${content.detail}` }] };
    case "visit_planned": {
      const when = `le ${visitDay(content.onDate, "fr")}, ${content.halfDay === "am" ? "matin" : "après-midi"}`;
      return {
        subject: content.rescheduled ? "Intervention déplacée" : "Intervention prévue",
        blocks: [
          { paragraph: content.rescheduled
            ? `L'intervention sur place pour votre demande ${title} est déplacée : elle est désormais prévue ${when}.`
            : `Une intervention sur place est prévue ${when} pour votre demande ${title}.` },
          { paragraph: "Merci de vous assurer que le technicien pourra accéder aux équipements concernés." },
        ],
      };
    }
    case "closed":
      return {
        subject: "Votre demande est clôturée",
        blocks: [
          { paragraph: `Votre demande ${title} est clôturée.` },
          { paragraph: "Dites-nous en quelques secondes comment elle a été traitée :" },
          { link: { label: "Évaluer le traitement de votre demande", url: `${appUrl}/evaluation/${encodeURIComponent(content.ratingToken)}` } },
          { paragraph: `Ce lien fonctionne une seule fois, pendant ${RATING_LINK_LIFETIME_DAYS} jours, sans avoir à vous connecter.` },
        ],
      };
  }
}

const FOOTER = "Cet e-mail est envoyé automatiquement par Guichet, l'assistance informatique des lycées. "
  + "Merci de ne pas y répondre : passez par la page de votre demande.";

function textOf(block: Block): string {
  if ("paragraph" in block) return block.paragraph;
  if ("quote" in block) return block.quote.split(/\r?\n/).map((line) => `> ${line}`).join("\n");
  return `${block.link.label} : ${block.link.url}`;
}

function htmlOf(block: Block): string {
  if ("paragraph" in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
  if ("quote" in block) return `<blockquote><p>${escapeHtml(block.quote).replace(/\r?\n/g, "<br>")}</p></blockquote>`;
  return `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`;
}

/** The French e-mail announcing a ticket's step to its requester; every one links to the ticket's page. */
export function ticketEmail(input: TicketEmailInput): RenderedEmail {
  const appUrl = input.appUrl.replace(/\/+$/, "");
  const { subject: summary, blocks } = subjectAndBlocks(input, appUrl);
  const subject = `[${input.reference}] ${summary}`;
  const link = STAFF_KINDS.has(input.content.kind)
    ? { label: "Ouvrir le ticket", url: `${appUrl}/bureau/tickets/${encodeURIComponent(input.reference)}` }
    : { label: "Suivre votre demande", url: `${appUrl}/demandes/${encodeURIComponent(input.reference)}` };
  return renderEmail(subject, [{ paragraph: `Bonjour ${input.recipientName},` }, ...blocks, { link }], FOOTER);
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
