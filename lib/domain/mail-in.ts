/**
 * Mail in: what an incoming message is (Guichet's own mail, an auto-reply, a bounce, a reply to a ticket e-mail, a new
 * message) and the part of a reply worth keeping. Pure functions of the parsed message's facts.
 */

export type InboundFacts = {
  /** The From address, lower case; null when absent or unreadable. */
  from: string | null;
  subject: string;
  /** Lower-case header names → raw values (the first of each). */
  headers: Readonly<Record<string, string>>;
  /** The top-level content type with its parameters, lower case (e.g. "multipart/report; report-type=delivery-status"). */
  contentType: string;
  messageId: string | null;
  /** In-Reply-To then References, each `<id>`. */
  threadIds: readonly string[];
  /** Every address the message was sent to (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: readonly string[];
};

export type OurMail = {
  /** MAIL_FROM's address, lower case. */
  fromAddress: string;
  /** The host of our Message-IDs (APP_URL's). */
  messageIdHost: string;
  /** MAIL_IN_REPLY_ADDRESS, lower case; null when unset. */
  replyAddress: string | null;
  /** The outbox id a reply token names, or null when it is not one of ours (lib/services/signed-token.ts). */
  readToken: (token: string) => string | null;
};

/** The flag of a ticket filed from the mail of someone of several schools, for the first: the desk checks the school. */
export const TO_QUALIFY_FLAG = "a_qualifier";

/** The header our outgoing mail carries (its outbox row), so a copy coming back is known for ours. */
export const OUTBOX_HEADER = "x-guichet-outbox";

export type MailClass =
  | { kind: "own" }
  | { kind: "auto_reply"; reason: string }
  | { kind: "bounce" }
  | { kind: "reply"; outboxId: string; via: "token" | "thread" }
  /** A reply token was given but is not ours (forged, damaged): treated as no ticket found, nothing is added. */
  | { kind: "forged_token" }
  | { kind: "new" };

// ——— reply address ———

/**
 * The ticket e-mails a person may answer by mail (their Reply-To carries a token): the school's news of its ticket
 * (outbox key `<kind>:<event>:<recipient>`). Staff e-mails (escalations, SLA alarms, vendors' messages…) keep no
 * Reply-To: an answer to them must not become a public comment.
 */
const REPLYABLE_KINDS: ReadonlySet<string> = new Set([
  "created",
  "assigned",
  "answered",
  "waiting_requester",
  "resolved",
  "closed",
  "merged",
  "visit_planned",
]);

export function acceptsReplies(idempotencyKey: string): boolean {
  return REPLYABLE_KINDS.has(idempotencyKey.split(":")[0]!);
}

/** guichet@exemple.fr + token → guichet+token@exemple.fr */
export function replyAddressWith(replyAddress: string, token: string): string {
  const at = replyAddress.lastIndexOf("@");
  return `${replyAddress.slice(0, at)}+${token}${replyAddress.slice(at)}`;
}

/** The detail after `+` of an address sent to our reply address, if any. */
export function tokenInAddress(address: string, replyAddress: string): string | null {
  const at = replyAddress.lastIndexOf("@");
  const [local, domain] = [replyAddress.slice(0, at).toLowerCase(), replyAddress.slice(at + 1).toLowerCase()];
  const match = /^([^@+]+)\+([^@]+)@(.+)$/.exec(address.toLowerCase());
  if (!match || match[1] !== local || match[3] !== domain) return null;
  return match[2]!;
}

/** The outbox id in one of our Message-IDs (`<uuid@host>`), or null. */
export function outboxIdOfMessageId(messageId: string, host: string): string | null {
  const match = /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@([^>]+)>?$/i.exec(messageId.trim());
  if (!match || match[2]!.toLowerCase() !== host.toLowerCase()) return null;
  return match[1]!.toLowerCase();
}

// ——— classification ———

/** Out-of-office subjects, French and English (the headers say it more reliably; some robots send none). */
const OUT_OF_OFFICE = [
  /^(r[ée]ponse automatique|auto(matic)? ?reply|autoreply|auto-reply|out of (the )?office|absence|absent)\b/i,
  /\b(absent du bureau|absente du bureau|en cong[ée]s?|out of office|on vacation|on leave)\b/i,
];

const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon)@/i;
const BOUNCE_SUBJECTS =
  /^(undeliver(ed|able)|delivery status notification|returned mail|mail delivery failed|non remis|message non remis|échec de la remise)/i;

function autoReplyReason(facts: InboundFacts): string | null {
  const header = (name: string) => facts.headers[name]?.trim().toLowerCase() ?? "";
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  if (facts.headers["x-auto-response-suppress"] !== undefined) return "X-Auto-Response-Suppress";
  const precedence = header("precedence");
  if (["bulk", "auto_reply", "list", "junk"].includes(precedence)) return `Precedence: ${precedence}`;
  if (facts.headers["x-autoreply"] !== undefined || facts.headers["x-autorespond"] !== undefined) return "X-Autoreply";
  if (facts.headers["list-id"] !== undefined || facts.headers["list-unsubscribe"] !== undefined) return "List-Id";
  if (OUT_OF_OFFICE.some((pattern) => pattern.test(facts.subject.trim()))) return `Subject: ${facts.subject.trim().slice(0, 80)}`;
  return null;
}

function isBounce(facts: InboundFacts): boolean {
  if (/^multipart\/report/.test(facts.contentType) && /report-type="?delivery-status/.test(facts.contentType)) return true;
  return facts.from !== null && BOUNCE_SENDERS.test(facts.from) && BOUNCE_SUBJECTS.test(facts.subject.trim());
}

function isOwn(facts: InboundFacts, ours: OurMail): boolean {
  if (facts.headers[OUTBOX_HEADER] !== undefined) return true;
  if (facts.from !== null && facts.from === ours.fromAddress) return true;
  if (facts.from !== null && ours.replyAddress && (facts.from === ours.replyAddress || tokenInAddress(facts.from, ours.replyAddress)))
    return true;
  return facts.messageId !== null && outboxIdOfMessageId(facts.messageId, ours.messageIdHost) !== null;
}

/**
 * What a message is, in this order: a bounce (it may quote our own headers), our own mail, an auto-reply, a reply to
 * one of our e-mails (a token in the address it was sent to, else In-Reply-To/References naming one of our
 * Message-IDs), else a new message. A token that is not ours makes it `forged_token` whatever the thread says.
 */
export function classifyMessage(facts: InboundFacts, ours: OurMail): MailClass {
  if (isBounce(facts)) return { kind: "bounce" };
  if (isOwn(facts, ours)) return { kind: "own" };
  const autoReply = autoReplyReason(facts);
  if (autoReply) return { kind: "auto_reply", reason: autoReply };
  if (ours.replyAddress) {
    const tokens = facts.recipients.map((address) => tokenInAddress(address, ours.replyAddress!)).filter((token) => token !== null);
    if (tokens.length) {
      for (const token of tokens) {
        const outboxId = ours.readToken(token);
        if (outboxId) return { kind: "reply", outboxId, via: "token" };
      }
      return { kind: "forged_token" };
    }
  }
  for (const id of facts.threadIds) {
    const outboxId = outboxIdOfMessageId(id, ours.messageIdHost);
    if (outboxId) return { kind: "reply", outboxId, via: "thread" };
  }
  return { kind: "new" };
}

// ——— bounces ———

/** A bounce: the outbox row it names, the address refused and the server's words (null when it gave none). */
export type DeliveryFailure = { outboxId: string | null; recipient: string | null; diagnostic: string | null };

/**
 * What a DSN says: the outbox row of the message that bounced (its X-Guichet-Outbox header or our Message-ID in the
 * returned headers) and the reason (Diagnostic-Code, else Status, else the report's first lines).
 */
export function readBounce(deliveryStatus: string, returnedHeaders: string, host: string): DeliveryFailure {
  const unfolded = returnedHeaders.replace(/\r?\n[ \t]+/g, " ");
  const header = /^x-guichet-outbox:\s*([0-9a-f-]{36})\s*$/im.exec(unfolded);
  const messageId = /^message-id:\s*(\S+)\s*$/im.exec(unfolded);
  const outboxId = header ? header[1]!.toLowerCase() : messageId ? outboxIdOfMessageId(messageId[1]!, host) : null;
  const status = deliveryStatus.replace(/\r?\n[ \t]+/g, " ");
  const diagnostic = /^diagnostic-code:\s*(?:smtp;\s*)?(.+)$/im.exec(status)?.[1]?.trim();
  const code = /^status:\s*(\S+)/im.exec(status)?.[1];
  const recipient = /^final-recipient:\s*(?:rfc822;\s*)?(\S+)/im.exec(status)?.[1];
  const said = diagnostic ?? (code ? `Status ${code}` : status.trim().split(/\r?\n/).slice(0, 3).join(" "));
  return { outboxId, recipient: recipient ?? null, diagnostic: said ? said.slice(0, 900) : null };
}

// ——— reply text ———

const REPLY_HEADER_LINE = [
  /^\s*le\s.+a\s+écrit\s*:\s*$/i,
  /^\s*on\s.+wrote\s*:\s*$/i,
  /^\s*-{2,}\s*(original message|message d'origine|message original|forwarded message|message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];
const SIGNATURE_LINE = [/^-- ?$/, /^(envoyé de mon|envoyé depuis mon|sent from my)\s.+$/i, /^(get outlook for|obtenir outlook pour)\s.+$/i];
const OUTLOOK_FROM = /^\s*\*?(de|from)\s*:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(envoyé|sent|date|à|to|objet|subject|cc)\s*:\*?\s/i;

/** Where the quoted history starts: "Le … a écrit :", "On … wrote:" (also wrapped on two lines), an Outlook "De :" block… */
function historyStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (REPLY_HEADER_LINE.some((pattern) => pattern.test(line))) return index;
    const joined = `${line} ${lines[index + 1] ?? ""}`;
    if (/^\s*(le|on)\s/i.test(line) && REPLY_HEADER_LINE.slice(0, 2).some((pattern) => pattern.test(joined))) return index;
    if (OUTLOOK_FROM.test(line) && lines.slice(index + 1, index + 5).some((next) => OUTLOOK_NEXT.test(next))) return index;
    if (SIGNATURE_LINE.some((pattern) => pattern.test(line))) return index;
  }
  return lines.length;
}

/**
 * The author's own words in a reply: everything from the quoted history or the signature on is cut, lines quoted with
 * ">" are dropped, and blank lines at either end are trimmed. Empty when nothing of theirs is left.
 */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept = lines.slice(0, historyStart(lines)).filter((line) => !/^\s*>/.test(line));
  return kept
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A ticket title from a mail's subject: reply and forward prefixes dropped, 3 to 200 characters. */
export function titleFromSubject(subject: string, fallback: string): string {
  const title = subject
    .replace(/^(\s*(re|tr|fw|fwd|aw|réf)\s*(\[\d+\])?\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return title.length >= 3 ? title.slice(0, 200) : fallback;
}
