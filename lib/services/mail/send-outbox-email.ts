import { eq, sql } from "drizzle-orm";
import { createTransport, type Transporter } from "nodemailer";
import { database } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { outboxEmailToSend, pendingEmailIdsBefore } from "@/db/queries/outbox-emails";
import { NO_SMTP_SERVER } from "@/lib/domain/outbox";
import { acceptsReplies, replyAddressWith } from "@/lib/domain/mail-in";
import { createReplyToken } from "../signed-token";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { enqueueOutbox } from "./notifications";

/** A row younger than this still has its own job on the way; the sweep leaves it alone. */
const SWEEP_GRACE_MS = 60_000;
const SWEEP_BATCH = 500;

let transport: Transporter | null | undefined;

// Built at the first send, once per process: the SMTP connection settings never change while it runs. Null without SMTP_URL.
function mailTransport(): Transporter | null {
  if (transport === undefined) {
    const url = env().SMTP_URL;
    transport = url ? createTransport(url) : null;
  }
  return transport;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** SMTP's permanent refusals (5xx: no such mailbox, rejected content): sending again would fail again. */
function permanentlyRefused(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends one outbox e-mail and marks it sent. At least once: a crash between the SMTP
 * acceptance and the update sends it again, which the stable Message-ID lets clients fold.
 * A temporary SMTP failure is counted on the row and rethrown, so BullMQ retries with backoff;
 * a permanent refusal (5xx) marks the row failed with the server's answer, and it is not retried.
 * Without SMTP_URL the row is marked failed with {@link NO_SMTP_SERVER} at once: kept for admins to read, never retried.
 */
export async function sendOutboxEmail(outboxId: string, now: Date): Promise<"sent" | "already_sent" | "missing" | "failed"> {
  const db = database();
  const email = await outboxEmailToSend(db, outboxId);
  if (!email) return "missing";
  if (email.status === "sent") return "already_sent";
  if (email.status === "failed") return "failed";

  const { MAIL_FROM, APP_URL, MAIL_IN_REPLY_ADDRESS, AUTH_SECRET } = env();
  const mailer = mailTransport();
  if (!mailer) {
    await db
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: NO_SMTP_SERVER, status: "failed" })
      .where(eq(outboxEmails.id, email.id));
    return "failed";
  }
  try {
    await mailer.sendMail({
      from: MAIL_FROM,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      messageId: `<${email.id}@${new URL(APP_URL).hostname}>`,
      // A ticket's e-mail to the school: the answer comes back to the mail-in mailbox, the token naming this e-mail.
      ...(MAIL_IN_REPLY_ADDRESS && email.ticketId && email.recipientId && acceptsReplies(email.idempotencyKey)
        ? { replyTo: replyAddressWith(MAIL_IN_REPLY_ADDRESS, createReplyToken(email.id, AUTH_SECRET)) }
        : {}),
      // RFC 3834: out-of-office robots must not answer a notification. Our header tells mail in a copy of ours.
      headers: { "Auto-Submitted": "auto-generated", "X-Guichet-Outbox": email.id },
    });
  } catch (error) {
    const failed = permanentlyRefused(error);
    await db
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: errorText(error), ...(failed ? { status: "failed" as const } : {}) })
      .where(eq(outboxEmails.id, email.id));
    if (failed) {
      logger.warn({ outboxId: email.id, err: error }, "e-mail refused for good by the SMTP server; not retried");
      return "failed";
    }
    throw error;
  }
  await db.update(outboxEmails).set({ status: "sent", sentAt: now }).where(eq(outboxEmails.id, email.id));
  return "sent";
}

/** Re-enqueues the pending rows old enough to have lost their job (the job id dedupes the others); returns how many. */
export async function sweepPendingOutbox(now: Date): Promise<number> {
  const pending = await pendingEmailIdsBefore(database(), new Date(now.getTime() - SWEEP_GRACE_MS), SWEEP_BATCH);
  await enqueueOutbox(pending);
  return pending.length;
}

/** Whether a mail server is configured and answers (connection and greeting); the command line prints links itself when not. */
export async function mailServerAnswers(): Promise<boolean> {
  const transport = mailTransport();
  if (!transport) return false;
  try {
    return await transport.verify();
  } catch {
    return false;
  }
}
