import { eq } from "drizzle-orm";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { database } from "@/db/client";
import { schoolUaisOf } from "@/db/queries/users";
import { activeUserByEmail, handledRecord, ticketOfSentEmail, type MessagePlace } from "@/db/queries/mail-in";
import { mailInMessages, outboxEmails, type MailInOutcome } from "@/db/schema";
import { storedText, translateText } from "@/i18n/text";
import { parisDay } from "@/lib/domain/business-calendar";
import {
  TO_QUALIFY_FLAG,
  classifyMessage,
  readBounce,
  titleFromSubject,
  trimReply,
  type InboundFacts,
  type OurMail,
} from "@/lib/domain/mail-in";
import { env } from "@/lib/env";
import { mailInText, notFiledEmail, refusedReplyEmail, unknownSenderEmail, type RefusedReply } from "@/lib/mail/mail-in-templates";
import type { RenderedEmail } from "@/lib/mail/templates";
import { loadCaller } from "../accounts/load-caller";
import { readReplyToken } from "../signed-token";
import { afterCommit } from "../after-commit";
import type { ServiceFailure } from "../service-result";
import { addComment } from "../tickets/add-comment";
import type { IncomingFile } from "../tickets/attachments";
import { createTicket } from "../tickets/create-ticket";

export type { MessagePlace };

export type HandledMessage = { outcome: MailInOutcome; reason: string | null; ticketId: string | null };

const DESCRIPTION_MAX = 10_000;

const addressOf = (value: string) => (/<([^>]+)>/.exec(value)?.[1] ?? value).trim().toLowerCase();

function addresses(objects: AddressObject | AddressObject[] | undefined): string[] {
  const list = objects === undefined ? [] : Array.isArray(objects) ? objects : [objects];
  const flat = (entries: AddressObject["value"]): string[] =>
    entries.flatMap((entry) => [...(entry.address ? [entry.address.toLowerCase()] : []), ...flat(entry.group ?? [])]);
  return list.flatMap((object) => flat(object.value));
}

/** The facts classification reads, from the parsed message. */
export function factsOf(mail: ParsedMail): InboundFacts {
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    if (headers[key] !== undefined) continue;
    headers[key] = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
  }
  const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  const extra = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) => (headers[name] ? [addressOf(headers[name])] : []));
  return {
    from: addresses(mail.from)[0] ?? null,
    subject: mail.subject ?? "",
    headers,
    contentType: (headers["content-type"] ?? "text/plain").toLowerCase(),
    messageId: mail.messageId ?? null,
    threadIds: [...(mail.inReplyTo ? mail.inReplyTo.split(/\s+/) : []), ...references].filter(Boolean),
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...extra],
  };
}

export function ourMail(): OurMail {
  const { MAIL_FROM, APP_URL, MAIL_IN_REPLY_ADDRESS, AUTH_SECRET } = env();
  return {
    fromAddress: addressOf(MAIL_FROM),
    messageIdHost: new URL(APP_URL).hostname,
    replyAddress: MAIL_IN_REPLY_ADDRESS?.toLowerCase() ?? null,
    readToken: (token) => readReplyToken(token, AUTH_SECRET),
  };
}

type Parsed = { place: MessagePlace; mail: ParsedMail; facts: InboundFacts; now: Date };

const recordRow = (
  parsed: Parsed,
  outcome: MailInOutcome,
  extra: { reason?: string | null; ticketId?: string | null; eventId?: number | null },
) => ({
  ...parsed.place,
  messageId: parsed.facts.messageId,
  fromAddress: parsed.facts.from,
  subject: parsed.facts.subject.slice(0, 500),
  outcome,
  reason: extra.reason?.slice(0, 1000) ?? null,
  ticketId: extra.ticketId ?? null,
  eventId: extra.eventId ?? null,
  handledAt: parsed.now,
});

/** Records the message with no other effect than, maybe, one answer by e-mail (written in the same transaction). */
async function recordOnly(
  parsed: Parsed,
  outcome: MailInOutcome,
  reason: string | null,
  answer?: { email: RenderedEmail; to: string; idempotencyKey: string; ticketId?: string | null; recipientId?: string | null },
): Promise<HandledMessage> {
  const outboxIds = await database().transaction(async (tx) => {
    await tx.insert(mailInMessages).values(recordRow(parsed, outcome, { reason }));
    if (!answer) return [];
    const rows = await tx
      .insert(outboxEmails)
      .values({
        idempotencyKey: answer.idempotencyKey,
        ticketId: answer.ticketId ?? null,
        recipientId: answer.recipientId ?? null,
        toAddress: answer.to,
        subject: answer.email.subject,
        textBody: answer.email.text,
        htmlBody: answer.email.html,
      })
      .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
      .returning({ id: outboxEmails.id });
    return rows.map((row) => row.id);
  });
  await afterCommit({ outboxIds });
  return { outcome, reason, ticketId: null };
}

const filesOf = (mail: ParsedMail): IncomingFile[] =>
  mail.attachments
    .filter((attachment) => attachment.contentDisposition !== "inline" || attachment.filename)
    .map((attachment, index) => ({ name: attachment.filename ?? `piece-jointe-${index + 1}`, bytes: new Uint8Array(attachment.content) }));

const textOf = (mail: ParsedMail) => mail.text ?? "";

const problemsOf = (failure: ServiceFailure): string => {
  if (failure.kind === "not_found") return translateText("errors.notFound", undefined);
  if ("errors" in failure && failure.errors?.length)
    return failure.errors.map((error) => translateText(error.message, error.values)).join(" ; ");
  return translateText(failure.message, failure.values);
};

/** Why a message was ignored, answered or bounced, as recorded for the operators (the outbox's page shows a bounce's). */
const reasonText = (key: string, values?: Record<string, string>) => storedText(`mail.mailIn.reasons.${key}`, values);

async function handleReply(parsed: Parsed, outboxId: string): Promise<HandledMessage> {
  const db = database();
  const { facts, mail, now } = parsed;
  const sent = await ticketOfSentEmail(db, outboxId);
  if (!sent) return recordOnly(parsed, "ignored", reasonText("replyWithoutTicket"));
  const appUrl = env().APP_URL;
  const refuse = (why: RefusedReply, reason: string, problems?: string, recipientId?: string) =>
    recordOnly(parsed, "answered", reason, {
      email: refusedReplyEmail({ appUrl, reference: sent.reference, address: facts.from!, subject: facts.subject, why, problems }),
      to: facts.from!,
      idempotencyKey: `mail-in:refused:${parsed.place.mailbox}:${parsed.place.uidValidity}:${parsed.place.uid}`,
      recipientId: recipientId ?? null,
    });
  if (!facts.from) return recordOnly(parsed, "ignored", reasonText("noSender"));
  const user = await activeUserByEmail(db, facts.from);
  const caller = user ? await loadCaller(user.id) : null;
  if (!caller) return refuse("unknownSender", reasonText("unknownSender", { address: facts.from }));

  const files = filesOf(mail);
  const body = trimReply(textOf(mail)) || (files.length ? mailInText("attachmentsOnly") : "");
  if (!body) return refuse("empty", reasonText("emptyReply"), undefined, caller.id);

  let recorded: { ticketId: string; eventId: number } | null = null;
  const result = await addComment(
    caller,
    sent.reference,
    { body: body.slice(0, DESCRIPTION_MAX), visibility: "public" },
    files,
    now,
    undefined,
    async (tx, added) => {
      recorded = added;
      await tx.insert(mailInMessages).values(recordRow(parsed, "comment", { ticketId: added.ticketId, eventId: added.eventId }));
    },
  );
  if (result.ok) return { outcome: "comment", reason: null, ticketId: recorded!.ticketId };
  const failure = result.failure;
  if (failure.kind === "not_found" || failure.kind === "forbidden")
    return refuse("forbidden", reasonText("mayNotComment", { reference: sent.reference }), undefined, caller.id);
  if (failure.kind === "conflict") return refuse("closed", reasonText("closed", { reference: sent.reference }), undefined, caller.id);
  if (failure.kind === "invalid") return refuse("attachments", problemsOf(failure), problemsOf(failure), caller.id);
  throw new Error(`comment refused: ${failure.kind}`);
}

async function answerUnknown(parsed: Parsed, reason: string): Promise<HandledMessage> {
  const address = parsed.facts.from!;
  // One answer per address per Paris day: the outbox's idempotency key is the limit.
  return recordOnly(parsed, "answered", reason, {
    email: unknownSenderEmail({ appUrl: env().APP_URL, address, subject: parsed.facts.subject }),
    to: address,
    idempotencyKey: `mail-in:unknown:${address}:${parisDay(parsed.now)}`,
  });
}

async function handleNew(parsed: Parsed): Promise<HandledMessage> {
  const db = database();
  const { facts, mail, now } = parsed;
  if (!facts.from) return recordOnly(parsed, "ignored", reasonText("noSender"));
  const user = await activeUserByEmail(db, facts.from);
  const caller = user ? await loadCaller(user.id) : null;
  const uais = caller ? await schoolUaisOf(db, caller.id) : [];
  if (!caller || uais.length === 0) return answerUnknown(parsed, reasonText("unknownSender", { address: facts.from }));

  const files = filesOf(mail);
  const text = textOf(mail);
  const description = (trimReply(text) || text.trim() || (files.length ? mailInText("attachmentsOnly") : "") || facts.subject.trim()).slice(
    0,
    DESCRIPTION_MAX,
  );
  let recorded: { ticketId: string } | null = null;
  const result = await createTicket(
    caller,
    {
      type: "incident",
      serviceCode: "GUICHET",
      categoryCode: "A-QUALIFIER",
      establishmentUai: uais[0]!,
      title: titleFromSubject(facts.subject, mailInText("defaultTitle")),
      description: description || mailInText("defaultTitle"),
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    files,
    now,
    { userId: caller.id, label: `${caller.email} (courriel)`, ip: null, requestId: null },
    {
      channel: "mail",
      flags: uais.length > 1 ? [TO_QUALIFY_FLAG] : [],
      alsoInTransaction: async (tx, filed) => {
        recorded = filed;
        await tx.insert(mailInMessages).values(recordRow(parsed, "ticket", { ticketId: filed.ticketId, eventId: filed.eventId }));
      },
    },
  );
  if (result.ok) return { outcome: "ticket", reason: null, ticketId: recorded!.ticketId };
  const reason = problemsOf(result.failure);
  return recordOnly(parsed, "answered", reason, {
    email: notFiledEmail({ appUrl: env().APP_URL, subject: facts.subject, reason }),
    to: facts.from,
    idempotencyKey: `mail-in:not-filed:${parsed.place.mailbox}:${parsed.place.uidValidity}:${parsed.place.uid}`,
    recipientId: caller.id,
  });
}

async function handleBounce(parsed: Parsed): Promise<HandledMessage> {
  const status = parsed.mail.attachments.find((part) => part.contentType === "message/delivery-status");
  const returned = parsed.mail.attachments.find(
    (part) => part.contentType === "text/rfc822-headers" || part.contentType === "message/rfc822",
  );
  const returnedText = returned ? returned.content.toString("utf8").split(/\r?\n\r?\n/)[0]! : "";
  const failure = readBounce(status?.content.toString("utf8") ?? textOf(parsed.mail), returnedText, ourMail().messageIdHost);
  // Shown on the outbox's page: in the catalogue's words, with the server's own.
  const reason = reasonText(failure.recipient ? "bounceTo" : "bounce", {
    recipient: failure.recipient ?? "",
    diagnostic: failure.diagnostic ?? reasonText("bounceWithoutReason"),
  });
  await database().transaction(async (tx) => {
    if (failure.outboxId)
      await tx.update(outboxEmails).set({ status: "failed", lastError: reason }).where(eq(outboxEmails.id, failure.outboxId));
    await tx.insert(mailInMessages).values(recordRow(parsed, "bounce", { reason }));
  });
  return { outcome: "bounce", reason, ticketId: null };
}

export async function parseMessage(raw: Buffer): Promise<{ mail: ParsedMail; facts: InboundFacts }> {
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  return { mail, facts: factsOf(mail) };
}

/**
 * Handles one message read from a mailbox, exactly once: a message already recorded (this UID, or its Message-ID read
 * elsewhere) comes back `already`, with its record, to be moved only; otherwise its effect and its record are written in one transaction.
 * Throws when it cannot be handled: the caller records the failure and moves it to "Erreurs".
 */
export async function handleMessage(place: MessagePlace, raw: Buffer, now: Date): Promise<HandledMessage & { already: boolean }> {
  const { mail, facts } = await parseMessage(raw);
  const known = await handledRecord(database(), place, facts.messageId);
  if (known) return { ...known, already: true };
  const handled = await handleParsed({ place, mail, facts, now });
  return { ...handled, already: false };
}

function handleParsed(parsed: Parsed): Promise<HandledMessage> {
  const { facts } = parsed;
  const kind = classifyMessage(facts, ourMail());
  switch (kind.kind) {
    case "own":
      return recordOnly(parsed, "ignored", reasonText("ownMail"));
    case "auto_reply":
      return recordOnly(parsed, "ignored", reasonText("autoReply", { header: kind.reason }));
    case "forged_token":
      return recordOnly(parsed, "ignored", reasonText("forgedToken"));
    case "bounce":
      return handleBounce(parsed);
    case "reply":
      return handleReply(parsed, kind.outboxId);
    case "new":
      return handleNew(parsed);
  }
}

/** A message that could not be handled, recorded with the reason (unless some worker recorded it meanwhile). */
export async function recordFailure(place: MessagePlace, facts: Partial<InboundFacts>, reason: string, now: Date): Promise<void> {
  await database()
    .insert(mailInMessages)
    .values({
      ...place,
      messageId: facts.messageId ?? null,
      fromAddress: facts.from ?? null,
      subject: (facts.subject ?? "").slice(0, 500),
      outcome: "failed",
      reason: reason.slice(0, 1000),
      handledAt: now,
    })
    .onConflictDoNothing();
}
